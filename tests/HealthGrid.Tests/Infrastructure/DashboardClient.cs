using System.Collections.Concurrent;
using System.Threading.Channels;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Live;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Kpis;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>A real SignalR client of the dashboard hub, signed in as a user, recording every alert and live change it receives.</summary>
public sealed class DashboardClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<(Alert Alert, DateTimeOffset At)> incoming = Channel.CreateUnbounded<(Alert, DateTimeOffset)>();
    private readonly List<Alert> received = [];
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private TaskCompletionSource pushed = NewSignal();

    private DashboardClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<Alert>(nameof(IDashboardClient.AlertChanged), alert => Pushed(() => incoming.Writer.TryWrite((alert, DateTimeOffset.UtcNow))));
        connection.On<CustomerUpdate[]>(nameof(IDashboardClient.CustomersChanged), updates => Pushed(() => Array.ForEach(updates, u => Customers.Add(u.Summary))));
        connection.On<CaseView[]>(nameof(IDashboardClient.CasesChanged), cases => Pushed(() => Array.ForEach(cases, Cases.Add)));
        connection.On<LiveInteractionView>(nameof(IDashboardClient.InteractionChanged), interaction => Pushed(() => Interactions.Add(interaction)));
        connection.On<KpiSnapshot>(nameof(IDashboardClient.KpisChanged), kpis => Pushed(() => Kpis.Add(kpis)));
        connection.On<ContinuityRun>(nameof(IDashboardClient.ContinuityRunChanged), run => Pushed(() => Runs.Add(run)));
        connection.On<AccountUpdate[]>(nameof(IDashboardClient.AccountsChanged), accounts => Pushed(() => Array.ForEach(accounts, Accounts.Add)));
        connection.On<ProcessOwnerView[]>(nameof(IDashboardClient.ProcessOwnersChanged), owners => Pushed(() => Array.ForEach(owners, Owners.Add)));
        connection.On<SystemChangeRecord>(nameof(IDashboardClient.SystemChangeRecorded), change => Pushed(() => SystemChanges.Add(change)));
        connection.On<string>(nameof(IDashboardClient.Resync), reason => Pushed(() => Resyncs.Add((reason, DateTimeOffset.UtcNow))));
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => closed.Task;

    /// <summary>Customer rows pushed so far (in arrival order).</summary>
    public ConcurrentBag<CustomerSummary> Customers { get; } = [];

    public ConcurrentBag<CaseView> Cases { get; } = [];

    public ConcurrentBag<LiveInteractionView> Interactions { get; } = [];

    public ConcurrentBag<KpiSnapshot> Kpis { get; } = [];

    public ConcurrentBag<ContinuityRun> Runs { get; } = [];

    public ConcurrentBag<AccountUpdate> Accounts { get; } = [];

    public ConcurrentBag<ProcessOwnerView> Owners { get; } = [];

    public ConcurrentBag<SystemChangeRecord> SystemChanges { get; } = [];

    /// <summary>Each time the server said changes may have been missed (and why): the dashboard re-lists then.</summary>
    public ConcurrentBag<(string Reason, DateTimeOffset At)> Resyncs { get; } = [];

    public static string TokenFor(InProcessSilo silo, TokenRequest user) => silo.App.Services.GetRequiredService<TokenIssuer>().Issue(user);

    public static async Task<DashboardClient> ConnectAsync(Uri server, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, DashboardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => HealthGrid.Api.Infrastructure.ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new DashboardClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Every alert change received so far (drains what has arrived).</summary>
    public IReadOnlyList<Alert> Received
    {
        get
        {
            while (incoming.Reader.TryRead(out var item))
            {
                Record(item);
            }

            return received;
        }
    }

    /// <summary>The first alert change (received from now on) matching <paramref name="match"/>, with when it arrived.</summary>
    public async Task<(Alert Alert, DateTimeOffset At)> WaitForAsync(Func<Alert, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var item = await incoming.Reader.ReadAsync(cancel.Token);
            Record(item);
            if (match(item.Alert))
            {
                return item;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="done"/> holds over what has been pushed, checking it again after each
    /// push rather than on a timer; fails naming <paramref name="what"/> when no push makes it hold in time.
    /// </summary>
    public async Task UntilAsync(Func<bool> done, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = pushed.Task;
            }

            if (done())
            {
                return;
            }

            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No push brought {what}.");
            }
        }
    }

    /// <summary>When each alert id was first pushed (fills as <see cref="Received"/> drains).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> FirstPushedAt { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private void Record((Alert Alert, DateTimeOffset At) item)
    {
        received.Add(item.Alert);
        FirstPushedAt.TryAdd(item.Alert.Id, item.At);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Pushed(Action record)
    {
        record();
        TaskCompletionSource signal;
        lock (gate)
        {
            signal = pushed;
            pushed = NewSignal();
        }

        signal.TrySetResult();
    }
}
