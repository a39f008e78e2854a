namespace Collector.Core.Watchlist;

/// <summary>An account entry with a known platform; the other fields may have had problems (reported).</summary>
/// <param name="Handle">Null when the handle was missing or invalid.</param>
/// <param name="Key">The normalized handle (HandleRules.Normalize), used to find duplicates; null with <see cref="Handle"/>.</param>
internal sealed record AccountDraft(
    string Platform,
    string? Handle,
    string? Key,
    SourceNode HandleNode,
    IReadOnlyList<string> Tags,
    SettingsLayer Settings,
    string? Note,
    SourcePosition Start);
