using System.Text.Json;
using Collector.Core.Accounts;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Collection;

/// <summary>The collection use case's storage port on SQLite.</summary>
internal sealed class SqliteCollectionStore(SqliteConnectionFactory connections) : ICollectionStore
{
    private readonly BatchWriter _writer = new(connections);

    // The keys travel as one JSON array parameter: no SQL built per call, and no limit on the number of bound
    // variables however many entries are due. Written as IN (subquery) on purpose: as a join, the planner puts
    // json_each on the inner side and rescans it for every entry of the platform (quadratic: 50 s for 40,000 keys).
    internal const string TrackedAccountsSql = """
        SELECT w.watch_key, a.id, a.platform_id, a.handle, a.posts_ref,
               w.consecutive_failures <> 0 OR w.last_error_kind IS NOT NULL OR w.next_attempt_at IS NOT NULL
          FROM watch_entries AS w
          JOIN accounts AS a ON a.id = w.account_id
         WHERE w.platform = $platform
           AND w.watch_key IN (SELECT value FROM json_each($watch_keys));
        """;

    public async Task<IReadOnlyDictionary<string, TrackedAccount>> GetTrackedAccountsAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watchKeys);
        var tracked = new Dictionary<string, TrackedAccount>(StringComparer.Ordinal);
        if (watchKeys.Count == 0)
        {
            return tracked;
        }

        try
        {
            await ReadTrackedAsync(platform, watchKeys, tracked, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteErrors.IsEnvironmental(ex))
        {
            throw SqliteErrors.ToStorageException(ex, connections.DatabasePath);
        }

        return tracked;
    }

    private async Task ReadTrackedAsync(
        string platform, IReadOnlyCollection<string> watchKeys, Dictionary<string, TrackedAccount> tracked, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TrackedAccountsSql;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$watch_keys", JsonSerializer.Serialize(watchKeys));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var watchKey = reader.GetString(0);
            tracked[watchKey] = new TrackedAccount(
                watchKey,
                AccountId: reader.GetInt64(1),
                PlatformId: reader.GetString(2),
                Handle: reader.GetString(3),
                PostsRef: reader.GetNullableString(4),
                HasFailureState: reader.GetInt64(5) != 0);
        }
    }

    internal const string FailureCountsSql = """
        SELECT watch_key, consecutive_failures
          FROM watch_entries
         WHERE platform = $platform
           AND consecutive_failures > 0
           AND watch_key IN (SELECT value FROM json_each($watch_keys));
        """;

    public async Task<IReadOnlyDictionary<string, int>> GetConsecutiveFailuresAsync(
        string platform, IReadOnlyCollection<string> watchKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watchKeys);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (watchKeys.Count == 0)
        {
            return counts;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = FailureCountsSql;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$watch_keys", JsonSerializer.Serialize(watchKeys));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    public async Task SaveBatchAsync(
        string platform,
        IReadOnlyList<AccountObservation> observations,
        IReadOnlyList<AccountFailure> failures,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(failures);
        if (observations.Count == 0 && failures.Count == 0)
        {
            return;
        }

        try
        {
            await _writer.WriteAsync(platform, observations, failures, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteErrors.IsEnvironmental(ex))
        {
            // SQLite has already undone the batch (or the transaction's dispose did): nothing of it is stored, and
            // the writer opens a fresh connection for the next batch, which succeeds once space or permission returns.
            throw SqliteErrors.ToStorageException(ex, connections.DatabasePath);
        }
    }
}
