using HealthGrid.Domain.Ingest;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The single writer of a reentrant customer grain. Work runs one item at a time in arrival order
/// on the grain's scheduler; consecutive ingest requests are handed over together, so concurrent
/// requests for a busy customer share one journal commit instead of queueing behind each other.
/// <paramref name="afterIngest"/> runs once the callers of a batch have their answers.
/// </summary>
internal sealed class WriteQueue(Func<Interaction[], Task<IngestOutcome[]>> ingest, Func<Task> afterIngest)
{
    private readonly Queue<object> items = new();
    private TaskCompletionSource? idle;
    private bool running;

    public Task<IngestOutcome[]> Ingest(Interaction[] interactions)
    {
        var request = new IngestRequest(interactions);
        Enqueue(request);
        return request.Done.Task;
    }

    public Task<T> Run<T>(Func<Task<T>> work)
    {
        var command = new Command<T>(work);
        Enqueue(command);
        return command.Done.Task;
    }

    public Task Run(Func<Task> work) => Run(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Completes when nothing is queued or running.</summary>
    public Task WhenIdle()
    {
        if (!running)
        {
            return Task.CompletedTask;
        }

        idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return idle.Task;
    }

    private void Enqueue(object item)
    {
        items.Enqueue(item);
        if (!running)
        {
            running = true;
            _ = DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            while (items.Count > 0)
            {
                if (items.Peek() is IngestRequest)
                {
                    var batch = new List<IngestRequest>();
                    while (items.Count > 0 && items.Peek() is IngestRequest next)
                    {
                        batch.Add(next);
                        items.Dequeue();
                    }

                    await IngestAsync(batch);
                }
                else
                {
                    await ((ICommand)items.Dequeue()).RunAsync();
                }
            }
        }
        finally
        {
            running = false;
            idle?.TrySetResult();
            idle = null;
        }
    }

    private async Task IngestAsync(List<IngestRequest> batch)
    {
        IngestOutcome[] outcomes;
        try
        {
            outcomes = await ingest([.. batch.SelectMany(r => r.Interactions)]);
        }
        catch (Exception ex)
        {
            foreach (var request in batch)
            {
                request.Done.TrySetException(ex);
            }

            return;
        }

        var offset = 0;
        foreach (var request in batch)
        {
            request.Done.TrySetResult(outcomes[offset..(offset + request.Interactions.Length)]);
            offset += request.Interactions.Length;
        }

        await afterIngest();
    }

    private sealed class IngestRequest(Interaction[] interactions)
    {
        public Interaction[] Interactions { get; } = interactions;

        public TaskCompletionSource<IngestOutcome[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private interface ICommand
    {
        Task RunAsync();
    }

    private sealed class Command<T>(Func<Task<T>> work) : ICommand
    {
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync()
        {
            try
            {
                Done.TrySetResult(await work());
            }
            catch (Exception ex)
            {
                Done.TrySetException(ex);
            }
        }
    }
}
