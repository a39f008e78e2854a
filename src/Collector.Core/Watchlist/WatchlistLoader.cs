using System.Buffers;
using System.Text.Unicode;

namespace Collector.Core.Watchlist;

/// <summary>
/// Loads and validates a watchlist (SPEC "The watchlist"). Bad input never throws: every problem is
/// returned at once, each with its line and column.
/// </summary>
public static class WatchlistLoader
{
    /// <summary>Far above any real watchlist; stops a wrong path (a log file, a disk image) from being read whole.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <param name="cronValidator">Checks cron expressions (error message or null); defaults to a structural check.</param>
    public static WatchlistLoadResult Load(string path, Func<string, string?>? cronValidator = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(path, out var bytes) is { } problem
            ? new WatchlistLoadResult(null, [problem])
            : Parse(bytes, path, cronValidator);
    }

    /// <summary>Decodes the bytes <see cref="ReadFile"/> returned and validates them.</summary>
    internal static WatchlistLoadResult Parse(byte[] bytes, string path, Func<string, string?>? cronValidator) =>
        Decode(path, bytes, out var text) is { } problem
            ? new WatchlistLoadResult(null, [problem])
            : Parse(text, path, cronValidator);

    /// <param name="fileName">The name used in problems and as <see cref="WatchlistDocument.Path"/>.</param>
    public static WatchlistLoadResult Parse(string text, string fileName, Func<string, string?>? cronValidator = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);

        // A byte order mark would shift every column on the first line by one.
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        return new WatchlistReader(fileName, cronValidator).Read(body);
    }

    /// <summary>The file's bytes, or why it cannot be a watchlist (missing, a directory, too large, unreadable).</summary>
    internal static WatchlistProblem? ReadFile(string path, out byte[] bytes)
    {
        bytes = [];
        try
        {
            if (Directory.Exists(path))
            {
                return AtStart(path, "is a directory, not a watchlist file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return AtStart(path, "file not found");
            }

            if (info.Length > MaxFileBytes)
            {
                return AtStart(path, $"the file is {info.Length} bytes; a watchlist may be at most {MaxFileBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return AtStart(path, $"cannot read the file: {ex.Message}");
        }

        return null;
    }

    /// <summary>Strict UTF-8: a replacement character silently inside a handle would be worse than an error.</summary>
    private static WatchlistProblem? Decode(string path, byte[] bytes, out string text)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            text = new string(chars, 0, written);
            return null;
        }

        text = "";
        var prefix = new string(chars, 0, written);
        var line = prefix.Count(c => c == '\n') + 1;
        var column = written - (prefix.LastIndexOf('\n') + 1) + 1;
        return new WatchlistProblem(path, line, column, $"the file is not valid UTF-8 (byte offset {read}); save it as UTF-8");
    }

    private static WatchlistProblem AtStart(string path, string message) => new(path, 1, 1, message);
}
