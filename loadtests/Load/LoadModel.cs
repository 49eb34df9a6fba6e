using System.Diagnostics;

namespace HealthGrid.LoadTests.Load;

/// <summary>
/// How requests are issued. <b>Open</b>: on a schedule from the arrival profile whatever the
/// server does; latency counts from each request's scheduled time, so a stalled server shows up in
/// the numbers (no coordinated omission) and sends that start more than 2 ms late are counted.
/// <b>Closed</b>: N senders, each sending its next request when the previous one answers; latency
/// from the actual send. A closed model finds the ceiling; an open model tells what users see.
/// </summary>
public abstract record LoadModel(string Description)
{
    /// <summary>Issues requests until <paramref name="duration"/> has passed; <paramref name="send"/> gets the sequence number and the timestamp latency counts from.</summary>
    public abstract Task RunAsync(TimeSpan duration, Func<long, long, Task> send, Action late, CancellationToken cancellation);

    /// <summary>The target rate at a second into the run, for the time series (0 for a closed model).</summary>
    public abstract double TargetRate(double second);
}

public sealed record OpenModel(ArrivalProfile Profile) : LoadModel($"open model, {Profile.Description}")
{
    /// <summary>A send this far behind its schedule counts as late (the timer's own granularity is about 1 ms).</summary>
    private static readonly long LateAfter = Stopwatch.Frequency / 500;

    public override double TargetRate(double second) => Profile.RateAt(second);

    public override async Task RunAsync(TimeSpan duration, Func<long, long, Task> send, Action late, CancellationToken cancellation)
    {
        var inFlight = new InFlight();
        var schedule = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The schedule runs on a thread of its own, not on timers: a timer's callback waits for a free
        // thread-pool thread, and on a busy two-core machine that wait made half the sends late.
        var thread = new Thread(() =>
        {
            try
            {
                Schedule(duration, send, late, inFlight, cancellation);
                schedule.TrySetResult();
            }
            catch (Exception ex)
            {
                schedule.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "open-model schedule",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        await schedule.Task;
        await inFlight.DrainAsync();
    }

    private void Schedule(TimeSpan duration, Func<long, long, Task> send, Action late, InFlight inFlight, CancellationToken cancellation)
    {
        var start = Stopwatch.GetTimestamp();
        var seconds = 0.0;
        for (long i = 0; seconds < duration.TotalSeconds && !cancellation.IsCancellationRequested; i++)
        {
            var rate = Profile.RateAt(seconds);
            if (rate <= 0)
            {
                // Nothing to send now: look again 10 ms later.
                seconds += 0.01;
                i--;
                continue;
            }

            var scheduled = start + (long)(seconds * Stopwatch.Frequency);
            WaitUntil(scheduled);
            if (Stopwatch.GetTimestamp() - scheduled > LateAfter)
            {
                late();
            }

            // The request starts on this thread and continues on the pool at its first wait.
            inFlight.Track(send(i, scheduled));
            seconds += 1 / rate;
        }
    }

    /// <summary>
    /// Sleeps until the request is due, never spinning: on a small machine a spinning generator takes
    /// a core from the server it measures. A sleep wakes within about a millisecond, so requests due
    /// meanwhile go out together, up to a millisecond after their time — which their latency, counted
    /// from the scheduled time, includes.
    /// </summary>
    private static void WaitUntil(long timestamp)
    {
        while (Stopwatch.GetTimestamp() < timestamp)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
            Thread.Sleep(wait > TimeSpan.FromMilliseconds(2) ? wait - TimeSpan.FromMilliseconds(1) : TimeSpan.FromMilliseconds(1));
        }
    }
}

public sealed record ClosedModel(int Senders) : LoadModel($"closed model, {Senders} concurrent senders")
{
    public override double TargetRate(double second) => 0;

    public override Task RunAsync(TimeSpan duration, Func<long, long, Task> send, Action late, CancellationToken cancellation)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long next = -1;
        return Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            // Each sender starts on the thread pool, not inline, so N senders really run side by side.
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end && !cancellation.IsCancellationRequested)
            {
                await send(Interlocked.Increment(ref next), Stopwatch.GetTimestamp());
            }
        }));
    }
}

/// <summary>Counts requests still running without keeping a list of them (the open model issues tens of thousands a second).</summary>
internal sealed class InFlight
{
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int pending = 1;

    public void Track(Task request)
    {
        Interlocked.Increment(ref pending);
        _ = CompleteAsync(request);
    }

    /// <summary>Once the schedule is done: completes when the last request has.</summary>
    public Task DrainAsync()
    {
        Done();
        return drained.Task;
    }

    private async Task CompleteAsync(Task request)
    {
        try
        {
            await request;
        }
        finally
        {
            Done();
        }
    }

    private void Done()
    {
        if (Interlocked.Decrement(ref pending) == 0)
        {
            drained.TrySetResult();
        }
    }
}
