using System.CommandLine;

namespace Collector.Worker.Cli;

/// <summary>The command tree of the <c>collector</c> executable (SPEC "Commands").</summary>
internal static class CollectorCli
{
    public static RootCommand Create(CliConsole console)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("collector: tracks public social-media metrics and flags micro-influencers");
        global.AddTo(root);

        root.Subcommands.Add(RunCommand.Create(global, console));
        root.Subcommands.Add(CollectCommand.Create(global, console));
        root.Subcommands.Add(ValidateCommand.Create(global, console));
        root.Subcommands.Add(StatusCommand.Create(global, console));
        root.Subcommands.Add(FlagsCommand.Create(global, console));
        root.Subcommands.Add(HistoryCommand.Create(global, console));
        root.Subcommands.Add(ExportCommand.Create(global, console));
        root.Subcommands.Add(BackupCommand.Create(global, console));
        root.Subcommands.Add(HousekeepingCommand.Create(global, console));
        root.Subcommands.Add(HealthCommand.Create(global, console));

        // No verb at all runs the worker (SPEC "Commands"), as `dotnet run` and the container do.
        root.SetAction((result, token) => RunCommand.RunAsync(global.Read(result), console, token));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            return ExitCodes.UsageOrConfiguration;
        }

        // SIGINT/SIGTERM cancel the token; the worker needs a moment to finish its batch (Docker waits 10 s).
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(8),
        };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
