using System.CommandLine;
using Collector.Worker.Settings;

namespace Collector.Worker.Cli;

/// <summary>The options every command accepts (SPEC "Commands": global options).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Watchlist { get; } = new("--watchlist") { Description = "Watchlist YAML file (default config/watchlist.yaml)", Recursive = true };

    public Option<string?> Database { get; } = new("--db") { Description = "SQLite database file (default data/collector.db)", Recursive = true };

    public Option<string?> Settings { get; } = new("--settings") { Description = "Extra settings JSON file, layered over config/appsettings.json", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log details to standard error", Recursive = true };

    public void AddTo(Command command)
    {
        command.Options.Add(Watchlist);
        command.Options.Add(Database);
        command.Options.Add(Settings);
        command.Options.Add(Verbose);
    }

    public CommandLineSettings Read(ParseResult result) => new(
        result.GetValue(Settings),
        result.GetValue(Database),
        result.GetValue(Watchlist),
        result.GetValue(Verbose));
}
