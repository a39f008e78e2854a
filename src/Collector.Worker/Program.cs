using Collector.Worker.Cli;
using Collector.Worker.Hosting;

// Before anything else is compiled, so the profile covers the whole start-up.
StartupProfile.Start(args);
return await CollectorCli.RunAsync(args, CliConsole.System);
