using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class ContactsTests
{
    private readonly HealthGrid.Domain.Customers.Scoring.HealthModelOptions options = Options();

    [Fact]
    public void A_second_contact_inside_the_window_is_a_repeat_contact_with_its_own_driver()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-1", T0), 1, options);
        var change = HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-2", T0.AddHours(10)), 2, options).Change!;
        Assert.Equal(1, state.RepeatContacts, 6);
        Assert.Contains("repeat contact within 72 h", Assert.Single(change.Drivers, d => d.Component == HealthGrid.Domain.Customers.HealthComponent.SupportLoad).Label);
    }

    [Fact]
    public void Contacts_further_apart_than_the_window_are_not_repeats()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-1", T0), 1, options);
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-2", T0.AddHours(80)), 2, options);
        Assert.Equal(0, state.RepeatContacts);
    }

    [Fact]
    public void Messages_of_one_conversation_are_one_contact()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Message("Hello", T0, "conv-1"), 1, options);
        HealthModel.Apply(state, "c-1", Message("Are you there?", T0.AddMinutes(1), "conv-1"), 2, options);
        Assert.Single(state.RecentContacts);
        Assert.Equal(0, state.RepeatContacts);
    }

    [Fact]
    public void Saying_it_is_the_third_time_counts_as_a_repeat_even_without_history()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Message("This is the third time I'm calling about this", T0), 1, options);
        Assert.Equal(1, state.RepeatContacts);
    }

    [Fact]
    public void Tickets_open_and_resolve()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-1", T0), 1, options);
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketOpened, "T-2", T0), 2, options);
        HealthModel.Apply(state, "c-1", Ticket(InteractionKind.TicketResolved, "T-1", T0.AddHours(1)), 3, options);
        Assert.Equal(["T-2"], state.OpenTickets);
    }

    [Fact]
    public void Contact_counts_cover_the_last_day_and_week()
    {
        var state = new HealthState();
        HealthModel.Apply(state, "c-1", Complaint(T0.AddDays(-5)), 1, options);
        HealthModel.Apply(state, "c-1", Complaint(T0.AddHours(-2)), 2, options);
        Assert.Equal(1, Contacts.CountSince(state, T0.AddDays(-1)));
        Assert.Equal(2, Contacts.CountSince(state, T0.AddDays(-7)));
    }
}
