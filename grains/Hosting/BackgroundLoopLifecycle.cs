using HealthGrid.Hosting.Background;

namespace HealthGrid.Grains.Hosting;

/// <summary>
/// Starts and stops every registered <see cref="BackgroundLoop"/> with the silo, at the Orleans
/// lifecycle stage that its <see cref="LoopStage"/> stands for: storage writers before publishers,
/// publishers before grains take traffic, grain callers once the silo is active; stopped in reverse.
/// </summary>
public sealed class BackgroundLoopLifecycle(IEnumerable<BackgroundLoop> loops) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        foreach (var loop in loops)
        {
            lifecycle.Subscribe(loop.Name, StageOf(loop.Stage), _ => loop.StartAsync(), _ => loop.StopAsync());
        }
    }

    public static int StageOf(LoopStage stage) => stage switch
    {
        // ApplicationServices stops after every grain has deactivated (and flushed into the publishers).
        LoopStage.Storage => ServiceLifecycleStage.ApplicationServices - 2,
        LoopStage.Cluster => ServiceLifecycleStage.ApplicationServices - 1,
        LoopStage.Publishing => ServiceLifecycleStage.ApplicationServices,
        LoopStage.Active => ServiceLifecycleStage.Active,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown loop stage"),
    };
}
