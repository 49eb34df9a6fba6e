using System.CommandLine;
using HealthGrid.Silo;
using HealthGrid.Silo.Hosting;

// The host handles SIGTERM and Ctrl+C itself and needs longer than the parser's default grace period to
// stop a silo cleanly (grains deactivate, loops pass a last time): the parser leaves signals alone.
return await SiloCommandLine.Root(SiloProgram.ExecuteAsync).Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
