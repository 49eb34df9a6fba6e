using System.Diagnostics;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Sends at a fixed arrival rate whatever the server does: each send has a scheduled time, and its
/// latency is measured from that time, so a stalled server cannot hide behind fewer sends
/// (no coordinated omission). Sends that start more than a millisecond late are counted.
/// </summary>
public static class OpenModel
{
    public static async Task<(int Sent, int Late)> RunAsync(double rate, TimeSpan duration, Func<int, long, Task> send)
    {
        var interval = Stopwatch.Frequency / rate;
        var total = (int)(rate * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var lateLimit = Stopwatch.Frequency / 1000;
        var late = 0;
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < scheduled)
            {
                // Timers overshoot by up to a millisecond or two: sleep short of the mark, then yield up to it.
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                if (wait > TimeSpan.FromMilliseconds(3))
                {
                    await Task.Delay(wait - TimeSpan.FromMilliseconds(2));
                }
                else
                {
                    await Task.Yield();
                }
            }

            if (Stopwatch.GetTimestamp() - scheduled > lateLimit)
            {
                late++;
            }

            inFlight.Add(send(i, scheduled));
        }

        await Task.WhenAll(inFlight);
        return (total, late);
    }
}
