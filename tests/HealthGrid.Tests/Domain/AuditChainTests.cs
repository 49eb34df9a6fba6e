using HealthGrid.Domain.Audit;

namespace HealthGrid.Tests.Domain;

/// <summary>The audit chain finds a changed, removed, inserted or reordered entry.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_untouched_chain_holds() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void A_changed_field_breaks_the_chain_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Actor = "someone-else" };
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
        chain = Chain(5);
        chain[3] = chain[3] with { Details = null };
        Assert.Equal(4, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Contains("entry 2 is missing", AuditChain.Verify(chain)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rehashed_forgery_does_not_follow_from_the_entry_before_it()
    {
        var chain = Chain(5);
        var forged = chain[2] with { Actor = "someone-else" };
        chain[2] = forged with { Hash = AuditChain.HashOf(forged) };
        Assert.Equal(4, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_each_other()
    {
        var a = AuditChain.Next(null, new AuditRecord { Actor = "ab", Action = "c", Object = "o" }, Start);
        var b = AuditChain.Next(null, new AuditRecord { Actor = "a", Action = "bc", Object = "o" }, Start);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_the_database_keeps()
    {
        var entry = AuditChain.Next(null, new AuditRecord { Actor = "a", Action = "b", Object = "o" }, Start.AddTicks(1234567));
        Assert.Equal(Start.AddTicks(1234560), entry.At);
        Assert.Null(AuditChain.Verify([entry with { At = new DateTimeOffset(entry.At.UtcDateTime, TimeSpan.Zero) }]));
    }

    private static List<AuditEntry> Chain(int count)
    {
        var chain = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            chain.Add(AuditChain.Next(chain.LastOrDefault(), new AuditRecord { Actor = $"user-{i}", Action = AuditActions.CaseAcknowledge, Object = $"case/T-{i}", Ip = "127.0.0.1", Details = "{\"note\":\"n\"}" }, Start.AddMinutes(i)));
        }

        return chain;
    }
}
