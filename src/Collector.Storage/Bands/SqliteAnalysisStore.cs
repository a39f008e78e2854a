using System.Text.Json;
using Collector.Core.Analytics;

namespace Collector.Storage.Bands;

/// <summary>
/// The analysis port on SQLite: band states, account events and their outbox rows, read and written on the shared
/// connection the batch writes use (<see cref="SharedConnection"/>).
/// </summary>
internal sealed class SqliteAnalysisStore(SqliteConnectionFactory connections, TimeProvider time) : IAnalysisStore
{
    public Task<IReadOnlyList<AnalysisInput>> LoadAsync(
        string platform, IReadOnlyCollection<string> platformIds, DateTimeOffset historySince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformIds);
        var ids = JsonSerializer.Serialize(platformIds);
        return connections.Shared.RunAsync(
            session => session.Part(static connection => new AnalysisReads(connection)).Load(platform, ids, historySince, cancellationToken),
            cancellationToken);
    }

    public async Task SaveAsync(IReadOnlyList<AnalysisUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await connections.Shared.RunAsync(
            session =>
            {
                AnalysisWrites.Save(session, updates, now, cancellationToken);
                return true;
            },
            cancellationToken);
    }
}
