using System.CommandLine;
using HealthGrid.Auth;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Scenarios;

// HealthGrid's load generator. Issue 3 measures the escalation engine with two scenarios; the full
// generator (ramps, peak-day profiles, thresholds, reports) follows in issue 5.
var url = new Option<Uri>("--url") { Description = "The HealthGrid server to load.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080") };
var signingKey = new Option<string>("--signing-key")
{
    Description = "The server's HealthGrid:Auth:SigningKey: the generator signs its own admin and dashboard tokens with it. Default: the development key of the embedded silo.",
    DefaultValueFactory = _ => AuthOptions.DevelopmentSigningKey,
};

var rate = new Option<double>("--rate") { Description = "Messages per second (open model: sent on schedule whatever the latency).", DefaultValueFactory = _ => 1000 };
var duration = new Option<int>("--seconds") { Description = "How long to send.", DefaultValueFactory = _ => 30 };
var warmup = new Option<int>("--warmup-seconds") { Description = "Seconds of the same traffic before measuring (activates the customers, warms the JIT).", DefaultValueFactory = _ => 10 };
var chatCustomers = new Option<int>("--customers") { Description = "Customers the messages are spread over.", DefaultValueFactory = _ => 1000 };
var liveChat = new Command("live-chat", "Frustrated live chat messages at a fixed rate; times each frustration alert at a SignalR client from the message's scheduled send.")
{
    url, signingKey, rate, duration, warmup, chatCustomers,
};
liveChat.SetAction((result, _) => LiveChatScenario.RunAsync(
    result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(duration)),
    TimeSpan.FromSeconds(result.GetValue(warmup)), result.GetValue(chatCustomers), Console.Out));

var cases = new Option<int>("--cases") { Description = "Open cases to create, all due within the window.", DefaultValueFactory = _ => 10_000 };
var stormCustomers = new Option<int>("--customers") { Description = "Customers the cases are spread over.", DefaultValueFactory = _ => 5_000 };
var lead = new Option<int>("--lead-seconds") { Description = "Seconds from the start until the first deadline (time to create the cases).", DefaultValueFactory = _ => 60 };
var window = new Option<int>("--window-seconds") { Description = "Seconds over which the deadlines are spread.", DefaultValueFactory = _ => 60 };
var slaStorm = new Command("sla-storm", "Many open cases whose deadlines fall in one window; times each breach alert against its due time and reads the server's fire-delay histogram.")
{
    url, signingKey, cases, stormCustomers, lead, window,
};
slaStorm.SetAction((result, _) => SlaStormScenario.RunAsync(
    result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(cases), result.GetValue(stormCustomers),
    TimeSpan.FromSeconds(result.GetValue(lead)), TimeSpan.FromSeconds(result.GetValue(window)), Console.Out));

var busyCases = new Option<int>("--cases") { Description = "Open cases the one customer carries.", DefaultValueFactory = _ => 1_000 };
var updateRate = new Option<double>("--rate") { Description = "Case updates per second (open model).", DefaultValueFactory = _ => 200 };
var updateSeconds = new Option<int>("--seconds") { Description = "How long to send updates.", DefaultValueFactory = _ => 20 };
var busyCustomer = new Command("busy-customer", "One customer with many open cases receiving a steady stream of case updates; times each update's 202.")
{
    url, signingKey, busyCases, updateRate, updateSeconds,
};
busyCustomer.SetAction((result, _) => BusyCustomerScenario.RunAsync(
    result.GetValue(url)!, Credentials.FromSigningKey(result.GetValue(signingKey)!), result.GetValue(busyCases), result.GetValue(updateRate), TimeSpan.FromSeconds(result.GetValue(updateSeconds)), Console.Out));

var root = new RootCommand("HealthGrid load generator") { liveChat, slaStorm, busyCustomer };
return await root.Parse(args).InvokeAsync();
