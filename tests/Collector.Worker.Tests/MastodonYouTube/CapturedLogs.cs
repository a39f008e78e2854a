using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Collector.Worker.Tests.MastodonYouTube;

/// <summary>
/// A logger provider that keeps everything it is given, at every level: the formatted message, every structured
/// value and the whole exception (type, message, inner exceptions, stack), so a test can search all of it.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public string AllText => string.Join('\n', _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    text.Append(" | ").Append(name).Append('=').Append(value);
                }
            }

            if (exception is not null)
            {
                text.Append('\n').Append(exception);
            }

            entries.Enqueue(text.ToString());
        }
    }
}
