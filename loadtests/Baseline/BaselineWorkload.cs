using HealthGrid.LoadTests.Load;

namespace HealthGrid.LoadTests.Baseline;

/// <summary>The scenario's own requests (same bodies, same size), sent to the baseline endpoint instead.</summary>
public sealed class BaselineWorkload(IWorkload workload, BaselineServer server) : IWorkload
{
    public int ItemsPerRequest => workload.ItemsPerRequest;

    public string ItemUnit => workload.ItemUnit;

    public HttpRequestMessage Request(long sequence)
    {
        var request = workload.Request(sequence);
        request.RequestUri = new Uri(server.Address, BaselineServer.Path);
        return request;
    }

    public ValueTask<int> OutcomeAsync(HttpResponseMessage response) => ValueTask.FromResult((int)response.StatusCode);

    public void Sending(long sequence, long timestamp, bool measured)
    {
        // Nothing follows from the baseline's requests.
    }

    public void Failed(long sequence)
    {
        // Nothing was expected.
    }
}
