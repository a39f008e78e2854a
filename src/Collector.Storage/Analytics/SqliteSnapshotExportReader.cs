using System.Runtime.CompilerServices;
using Collector.Core.Analytics;
using Collector.Storage.Status;

namespace Collector.Storage.Analytics;

/// <summary>Streams every snapshot for <c>export</c>: one row in memory at a time, whatever the database size.</summary>
internal sealed class SqliteSnapshotExportReader(SqliteConnectionFactory connections) : ISnapshotExportReader
{
    // Ordered along the (account_id, collected_at) index, so SQLite streams rows without sorting the table.
    internal const string ExportSql = $"""
        SELECT a.platform, a.handle, a.platform_id, {SnapshotColumns.Select}
          FROM snapshots AS s
          JOIN accounts AS a ON a.id = s.account_id
         WHERE s.collected_at >= $since
         ORDER BY s.account_id, s.collected_at, s.id;
        """;

    public async IAsyncEnumerable<ExportRow> ReadAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var query = new RawStatement(connection, ExportSql);
        query.Bind("$since", SqliteInstant.ToStored(since ?? DateTimeOffset.MinValue));
        while (query.Step())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ExportRow(query.String(0), query.String(1), query.String(2), SnapshotColumns.Read(query, 3)!);
        }
    }
}
