using HealthGrid.LoadTests.Cli;

// HealthGrid's load generator: open- and closed-model load with arrival-rate profiles, end-to-end
// alert timing at a SignalR client, thresholds that set the exit code, and Markdown/HTML/JSON reports.
return await LoadGeneratorCli.Build(Console.Out).Parse(args).InvokeAsync();
