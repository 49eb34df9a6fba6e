using HealthGrid.Domain.Audit;

namespace HealthGrid.Tests.Domain;

/// <summary>An erasure takes a customer out of the audit entries about it; the chain still holds, and still finds a change.</summary>
public sealed class AuditErasureTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_entries_about_a_customer_lose_its_id_and_details_and_the_chain_holds()
    {
        var chain = Chain(
            Record("customer.profile", "customer/c-1", """[{"op":"add","path":"/contacts","value":[{"email":"jo@example.com"}]}]"""),
            Record("case.acknowledge", "case/T-1", """{"customerId":"c-1","note":"Called Jo"}"""),
            Record("alert.resolve", "alert/health.c-1.band.4", """{"type":"healthDrop","customerId":"c-1"}"""),
            Record("import", "import", """{"customersCreated":3,"customers":["c-0","c-1","c-2"]}"""),
            Record("customer.profile", "customer/c-10", """[{"op":"add","path":"/name","value":"Other"}]"""),
            Record("config.write", "config/sla", """{"version":2}"""));

        var erased = chain.Select(e => AuditErasure.Redact(e, "c-1") ?? e).ToList();

        Assert.Null(AuditChain.Verify(erased));
        Assert.Equal(["customer/[erased]", "case/[erased]", "alert/[erased]", "import", "customer/c-10", "config/sla"], erased.Select(e => e.Object));
        Assert.Equal([null, null, null], erased.Take(3).Select(e => e.Details));
        Assert.Equal("""{"customersCreated":3,"customers":["c-0","[erased]","c-2"]}""", erased[3].Details);
        Assert.Equal(chain.Skip(4), erased.Skip(4));
        Assert.All(erased.Take(4), e => Assert.NotNull(e.Erased));
        Assert.DoesNotContain(erased, e => $"{e.Object} {e.Details}".Contains("c-1\"", StringComparison.Ordinal) || e.Object.Contains("c-1.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_erased_for_two_customers_keeps_the_digests_of_what_was_written()
    {
        var chain = Chain(Record("import", "import", """{"customers":["c-1","c-2"]}"""));
        var twice = AuditErasure.Redact(AuditErasure.Redact(chain[0], "c-1")!, "c-2")!;
        Assert.Equal("""{"customers":["[erased]","[erased]"]}""", twice.Details);
        Assert.Null(AuditChain.Verify([twice]));
    }

    [Fact]
    public void A_changed_erased_entry_still_breaks_the_chain()
    {
        var erased = Chain(Record("customer.profile", "customer/c-1", "[]"), Record("config.write", "config/sla", "{}")).Select(e => AuditErasure.Redact(e, "c-1") ?? e).ToList();
        Assert.Equal(1, AuditChain.Verify([erased[0] with { Actor = "someone-else" }, erased[1]])!.Seq);
        Assert.Equal(1, AuditChain.Verify([erased[0] with { Erased = erased[0].Erased! with { ObjectDigest = AuditChain.Digest("customer/c-2")! } }, erased[1]])!.Seq);
    }

    [Fact]
    public void Entries_of_other_customers_are_left_alone()
    {
        var entry = Chain(Record("customer.profile", "customer/c-10", """{"customerId":"c-10"}"""))[0];
        Assert.False(AuditErasure.MayConcern(entry, "c-1"));
        Assert.Null(AuditErasure.Redact(entry, "c-1"));
    }

    private static AuditRecord Record(string action, string target, string details) => new() { Actor = "admin", Action = action, Object = target, Details = details, Ip = "127.0.0.1" };

    private static List<AuditEntry> Chain(params AuditRecord[] records)
    {
        var chain = new List<AuditEntry>();
        foreach (var record in records)
        {
            chain.Add(AuditChain.Next(chain.LastOrDefault(), record, At.AddMinutes(chain.Count)));
        }

        return chain;
    }
}
