namespace Collector.Worker.Web;

/// <summary>The watchlist in <c>/healthz</c>.</summary>
/// <param name="Valid">Whether the file on disk is the watchlist in force (false after a rejected edit).</param>
/// <param name="Problems">Every problem of the rejected edit, as <c>FILE:LINE:COL: message</c>.</param>
internal sealed record WatchlistHealth(
    bool Valid,
    string Path,
    int Accounts,
    DateTimeOffset LoadedAt,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<string> Problems);
