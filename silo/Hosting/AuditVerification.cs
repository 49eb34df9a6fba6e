using HealthGrid.Domain.Audit;
using HealthGrid.Storage.Audit;

namespace HealthGrid.Silo.Hosting;

/// <summary><c>silo audit verify</c>: recomputes the audit log's hash chain from the database and says whether it holds.</summary>
public static class AuditVerification
{
    /// <summary>The chain breaks: an entry was changed, removed or inserted.</summary>
    public const int Broken = 3;

    public static async Task<int> RunAsync(IServiceProvider services, SiloSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Storage != StorageMode.PostgreSql)
        {
            await Console.Error.WriteLineAsync("audit verify needs PostgreSQL mode (--postgres \"Host=...\"): the embedded mode's audit log lives in the running silo's memory.");
            return 2;
        }

        var check = new AuditChainCheck();
        await foreach (var entry in services.GetRequiredService<IAuditLog>().ReadAllAsync(cancellationToken))
        {
            if (check.Accept(entry) is { } broken)
            {
                await Console.Error.WriteLineAsync($"The audit log's chain breaks at entry {broken.Seq}: {broken.Reason}. The {check.Count} entries before it are intact.");
                return Broken;
            }
        }

        Console.WriteLine($"The audit log's chain holds: {check.Count} entries, newest hash {check.NewestHash}.");
        return 0;
    }
}
