using System.Diagnostics;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Report;

namespace HealthGrid.LoadTests.Load;

/// <summary>
/// Runs one phase: a warm-up (same model, not recorded), then the measured run, with a time-series
/// point and a progress line every second.
/// </summary>
public static class PhaseRunner
{
    public static async Task<PhaseResult> RunAsync(
        string name, string target, IWorkload workload, LoadModel model, string profile, TimeSpan duration, TimeSpan warmup,
        HttpClient http, IProgressDisplay progress, Func<Task<EndToEndResult?>>? finish, CancellationToken cancellation)
    {
        long issued = 0;
        if (warmup > TimeSpan.Zero)
        {
            var discard = new LatencyRecorder(workload.ItemsPerRequest);
            await WarmupModel(model).RunAsync(warmup, (i, from) => SendAsync(http, workload, i, from, discard, measured: false, ref issued), () => { }, cancellation);
        }

        var recorder = new LatencyRecorder(workload.ItemsPerRequest);
        var offset = Interlocked.Read(ref issued) + 1;
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        await progress.RunAsync(name, model.Description, duration, async report =>
        {
            var ticking = TickAsync(recorder, model, started, report, stop.Token);
            await model.RunAsync(duration, (i, from) => SendAsync(http, workload, offset + i, from, recorder, measured: true, ref issued), recorder.RecordLate, cancellation);
            await stop.CancelAsync();
            await ticking;
        });

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        recorder.Tick(elapsed, model.TargetRate(elapsed));
        var endToEnd = finish is null ? null : await finish();
        var requests = recorder.Requests;
        return new PhaseResult(
            name, target, model.Description, profile, Math.Round(elapsed, 2), requests, requests * workload.ItemsPerRequest, workload.ItemUnit,
            Math.Round(requests / elapsed, 1), Math.Round(requests * workload.ItemsPerRequest / elapsed, 1),
            recorder.Errors, requests == 0 ? 0 : Math.Round((double)recorder.Errors / requests, 6), recorder.Late,
            recorder.StatusCounts(), recorder.Latency, recorder.Series, recorder.Spectrum(), endToEnd);
    }

    /// <summary>An open model warms up at its starting rate; a closed one with its senders.</summary>
    private static LoadModel WarmupModel(LoadModel model) => model switch
    {
        OpenModel open => new OpenModel(ArrivalProfile.Constant(Math.Max(1, open.Profile.RateAt(0)), open.Profile.Duration)),
        _ => model,
    };

    private static Task SendAsync(HttpClient http, IWorkload workload, long sequence, long from, LatencyRecorder recorder, bool measured, ref long issued)
    {
        InterlockedMax(ref issued, sequence);
        return SendAsync(http, workload, sequence, from, recorder, measured);
    }

    private static async Task SendAsync(HttpClient http, IWorkload workload, long sequence, long from, LatencyRecorder recorder, bool measured)
    {
        int status;
        try
        {
            using var request = workload.Request(sequence);
            workload.Sending(sequence, from, measured);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = await workload.OutcomeAsync(response);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        recorder.Record(status, from);
        if (status is < 200 or > 299)
        {
            workload.Failed(sequence);
        }
    }

    private static async Task TickAsync(LatencyRecorder recorder, LoadModel model, long started, Action<SecondPoint> report, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var second = Stopwatch.GetElapsedTime(started).TotalSeconds;
                report(recorder.Tick(second, model.TargetRate(second)));
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over; the runner takes the last point.
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
