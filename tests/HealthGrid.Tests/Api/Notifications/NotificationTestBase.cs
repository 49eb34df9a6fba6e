using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>A silo and a webhook receiver of each test's own: the notifications document a test writes is nobody else's.</summary>
public abstract class NotificationTestBase : IAsyncLifetime
{
    protected InProcessSilo Silo { get; private set; } = null!;

    protected HttpReceiver Receiver { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Receiver = await HttpReceiver.StartAsync();
        Receiver.Answer = Answer;
        Silo = await InProcessSilo.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>How the receiver answers (null: 200 to everything).</summary>
    protected virtual Func<string, int, Microsoft.AspNetCore.Http.HttpContext, CancellationToken, Task>? Answer => null;
}
