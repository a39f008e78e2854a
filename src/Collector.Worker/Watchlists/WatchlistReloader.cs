using System.Security.Cryptography;
using Collector.Worker.Jobs;
using Collector.Worker.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collector.Worker.Watchlists;

/// <summary>
/// Hot reload of the watchlist. The file's directory is watched, not the file: editors that save by writing a new
/// file and renaming it over the old one, and Kubernetes ConfigMap volumes that swap a <c>..data</c> symlink, never
/// touch the watched file itself. Events are debounced (one save is several events), the content is compared with
/// what was last examined (most events change nothing), then parsed and validated; only a valid watchlist replaces
/// the one in force and re-plans the schedule. A slow poll backs the watcher up on file systems without change
/// notifications (network shares, some container bind mounts).
/// </summary>
internal sealed partial class WatchlistReloader(
    WatchlistSource source,
    WatchlistState state,
    CollectionScheduler scheduler,
    CollectorMetrics metrics,
    TimeProvider time,
    ILogger<WatchlistReloader> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>Stands for "no readable file" where a content hash goes (a SHA-256 is never empty).</summary>
    private static readonly byte[] Missing = [];

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _chain = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ITimer? _poll;
    private Task _running = Task.CompletedTask;
    private byte[]? _lastSeen;
    private bool _missingOnce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(source.Path);
        _lastSeen = ReadHash(path);
        _debounce = time.CreateTimer(static self => ((WatchlistReloader)self!).Start(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _poll = time.CreateTimer(static self => ((WatchlistReloader)self!).Start(), this, PollInterval, PollInterval);
        try
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += OnWatcherError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            LogWatching(path);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogNotWatching(ex, path, PollInterval);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _poll?.Dispose();
        await _stopping.CancelAsync();
        Task running;
        lock (_chain)
        {
            running = _running;
        }

        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Examines the file: a changed, valid watchlist is put in force. Content already examined is skipped, so a
    /// rejected edit (or a missing file) is reported once, not at every event or poll.
    /// </summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var hash = ReadHash(Path.GetFullPath(source.Path));
            if (hash is null && !_missingOnce)
            {
                // Mid-save, some editors remove the file before writing the new one: look again before complaining.
                _missingOnce = true;
                _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);
                return;
            }

            _missingOnce = false;
            hash ??= Missing;
            if (_lastSeen is not null && hash.AsSpan().SequenceEqual(_lastSeen))
            {
                return;
            }

            _lastSeen = hash;
            var result = source.Load();
            if (!result.IsValid)
            {
                var kept = state.Reject(result.Problems, time.GetUtcNow());
                metrics.WatchlistRejected();
                LogRejected(source.Path, result.Problems.Count, kept.Document.Accounts.Count, kept.LoadedAt);
                foreach (var problem in result.Problems)
                {
                    LogProblem(problem.File, problem.Line, problem.Column, problem.Message);
                }

                return;
            }

            var accepted = state.Accept(result.Document!, time.GetUtcNow());
            await scheduler.SyncAsync(cancellationToken);
            LogReloaded(source.Path, accepted.Document.Accounts.Count, accepted.Version);
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _poll?.Dispose();
        _stopping.Dispose();
        _reloading.Dispose();
    }

    // Every event restarts the debounce, so a burst of events (one save) ends in a single reload.
    private void OnChanged(object sender, FileSystemEventArgs e) => _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        // An overflowed event queue lost events: look at the file rather than trust what arrived.
        LogWatcherError(e.GetException());
        _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Timer callbacks must return at once (a fake clock runs them inside Advance).</summary>
    private void Start()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_chain)
        {
            _running = RunAfterAsync(_running);
        }
    }

    private async Task RunAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        try
        {
            await ReloadAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception ex)
        {
            LogReloadFailed(ex);
        }
    }

    private static byte[]? ReadHash(string path)
    {
        try
        {
            return SHA256.HashData(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Path} for changes")]
    private partial void LogWatching(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Path} for changes; checking it every {Interval} instead")]
    private partial void LogNotWatching(Exception exception, string path, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching the watchlist directory failed; checking the file now")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watchlist {Path} reloaded: {Accounts} accounts (version {Version}); schedule updated")]
    private partial void LogReloaded(string path, int accounts, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watchlist {Path} edit rejected with {Count} problems; the last valid watchlist ({Accounts} accounts, loaded {LoadedAt}) stays in force")]
    private partial void LogRejected(string path, int count, int accounts, DateTimeOffset loadedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}:{Line}:{Column}: {Problem}")]
    private partial void LogProblem(string file, int line, int column, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watchlist reload failed")]
    private partial void LogReloadFailed(Exception exception);
}
