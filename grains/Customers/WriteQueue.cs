using HealthGrid.Ingest;

namespace HealthGrid.Customers;

/// <summary>
/// The single writer of a reentrant customer grain. Work runs one item at a time in arrival order
/// on the grain's scheduler; consecutive ingest requests are handed over together, so concurrent
/// requests for a busy customer share one journal commit instead of queueing behind each other.
/// </summary>
internal sealed class WriteQueue(Func<IReadOnlyList<WriteQueue.IngestRequest>, Task> ingest)
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

                    try
                    {
                        await ingest(batch);
                    }
                    catch (Exception ex)
                    {
                        foreach (var request in batch)
                        {
                            request.Done.TrySetException(ex);
                        }
                    }
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

    internal sealed class IngestRequest(Interaction[] interactions)
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
