using System.ComponentModel.DataAnnotations;

namespace Collector.Worker.Settings;

/// <summary>Section <c>Watchlist</c> (<c>COLLECTOR_WATCHLIST__PATH</c>, <c>--watchlist</c>).</summary>
internal sealed class WatchlistOptions
{
    public const string Section = "Watchlist";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "config/watchlist.yaml";
}
