using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HealthGrid.Domain.Audit;

/// <summary>
/// The audit log's hash chain: each entry's hash is SHA-256 over its fields and the previous hash.
/// Fields are length-prefixed (so no two different entries serialize alike) and the time is truncated
/// to microseconds, the precision PostgreSQL keeps, so a stored entry hashes the same when read back.
/// The object and the details enter as their own SHA-256 digests: an erasure can then remove the
/// personal data they hold and keep their digests (<see cref="AuditEntry.Erased"/>), and the chain
/// still holds without the data.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Times as the chain and the database keep them.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The next entry after <paramref name="previous"/> (null for the first), hashed.</summary>
    public static AuditEntry Next(AuditEntry? previous, AuditRecord record, DateTimeOffset at)
    {
        var entry = new AuditEntry
        {
            Seq = (previous?.Seq ?? 0) + 1,
            At = Truncate(at),
            Actor = record.Actor,
            Action = record.Action,
            Object = record.Object,
            Ip = record.Ip,
            Details = record.Details,
            PreviousHash = previous?.Hash ?? Genesis,
            Hash = "",
        };
        return entry with { Hash = HashOf(entry) };
    }

    /// <summary>The hash <paramref name="entry"/> should carry, from its own fields and its previous hash.</summary>
    public static string HashOf(AuditEntry entry)
    {
        var text = new StringBuilder();
        var objectDigest = entry.Erased?.ObjectDigest ?? Digest(entry.Object);
        var detailsDigest = entry.Erased is { } erased ? erased.DetailsDigest : Digest(entry.Details);
        foreach (var field in new[] { entry.Seq.ToString(CultureInfo.InvariantCulture), entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.Actor, entry.Action, objectDigest, entry.Ip, detailsDigest, entry.PreviousHash })
        {
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>SHA-256 of the text as lowercase hex (null for null): PostgreSQL's <c>encode(sha256(convert_to(t, 'UTF8')), 'hex')</c>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Digest(string? text) => text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Checks entries in log order: the first that does not follow from the one before, or null when the chain holds.</summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries)
    {
        var check = new AuditChainCheck();
        return entries.Select(check.Accept).FirstOrDefault(broken => broken is not null);
    }
}

/// <summary>The chain checked one entry at a time, in log order, so a log of any length streams through it.</summary>
public sealed class AuditChainCheck
{
    private AuditEntry? previous;

    public long Count { get; private set; }

    public string NewestHash => previous?.Hash ?? AuditChain.Genesis;

    /// <summary>Null while the chain holds; where it breaks otherwise.</summary>
    public AuditBreak? Accept(AuditEntry entry)
    {
        var expectedSeq = (previous?.Seq ?? 0) + 1;
        if (entry.Seq != expectedSeq)
        {
            return new AuditBreak(entry.Seq, $"entry {expectedSeq} is missing (the next one is {entry.Seq})");
        }

        if (entry.PreviousHash != NewestHash)
        {
            return new AuditBreak(entry.Seq, "its previous hash is not the hash of the entry before it");
        }

        if (AuditChain.HashOf(entry) != entry.Hash)
        {
            return new AuditBreak(entry.Seq, "its fields do not match its hash (the entry was changed)");
        }

        previous = entry;
        Count++;
        return null;
    }
}

/// <summary>Where and why a chain breaks.</summary>
public sealed record AuditBreak(long Seq, string Reason);
