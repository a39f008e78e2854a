using Collector.Core.Bands;

namespace Collector.Core.Watchlist.Cache;

/// <summary>The values a cached account entry refers to by index (see <see cref="DocumentWriter"/>).</summary>
internal sealed record AccountTables(
    string[] Platforms,
    Schedule[] Schedules,
    BandSettings[] Bands,
    IReadOnlyList<string>[] TagLists);
