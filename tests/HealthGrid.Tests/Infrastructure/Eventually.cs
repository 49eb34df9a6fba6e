namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// Waits for an eventually consistent read model (directory, roll-ups) to reach a state, by polling
/// the condition until a deadline; fails with the last observed value instead of sleeping blindly.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T last;
        while (true)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value: {last}");
            }

            await Task.Delay(25);
        }
    }
}
