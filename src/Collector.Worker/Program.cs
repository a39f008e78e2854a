using Collector.Worker.Cli;

return await CollectorCli.RunAsync(args, CliConsole.System);
