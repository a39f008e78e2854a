using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Collector.Worker.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, problems to <see cref="Error"/>.</summary>
/// <param name="Interactive">True on a terminal: progress bars and colours; false when redirected: plain text.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>An extra log destination next to the console (tests capture a command's logs with it); null: none.</summary>
    public ILoggerProvider? LogSink { get; init; }

    /// <summary>
    /// The bytes under <see cref="Out"/> when it is the process's standard output: a large result (<c>status --json</c>)
    /// is written there as UTF-8 in chunks instead of as one string re-encoded by <see cref="Out"/>. Null: use Out.
    /// </summary>
    public Stream? OutStream { get; init; }

    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && !Console.IsErrorRedirected)
    {
        OutStream = Console.OpenStandardOutput(),
    };

    /// <summary>A Spectre console over <see cref="Out"/>; plain (no ANSI, no live rendering) when not interactive.</summary>
    public IAnsiConsole Ansi()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive)
        {
            // Redirected output has no terminal width; wrapping at 80 columns would break every long cell.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private const int RedirectedWidth = 400;
}
