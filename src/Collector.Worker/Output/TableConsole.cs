using Collector.Worker.Cli;
using Spectre.Console;

namespace Collector.Worker.Output;

/// <summary>
/// A console for wide tables: on a terminal its real width; redirected (a file, a pipe, a test), wide enough that a
/// row stays on one line, since 80 columns would wrap handles and dates mid-word and defeat grep.
/// </summary>
internal static class TableConsole
{
    public const int RedirectedWidth = 240;

    public static IAnsiConsole For(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var ansi = console.Ansi();
        if (!console.Interactive)
        {
            ansi.Profile.Width = RedirectedWidth;
        }

        return ansi;
    }
}
