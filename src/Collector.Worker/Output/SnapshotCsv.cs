using System.Globalization;
using Collector.Core.Analytics;

namespace Collector.Worker.Output;

/// <summary>The CSV of <c>export</c> and <c>history --csv</c> (SPEC: the header starts with the first eight columns).</summary>
internal static class SnapshotCsv
{
    public const string Header =
        "platform,handle,platform_id,collected_at,followers,following,posts,engagement_rate," +
        "posts_sampled,avg_likes,avg_replies,avg_reposts,avg_quotes,avg_views,quality";

    public static string Line(ExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var s = row.Snapshot;
        string[] fields =
        [
            Field(row.Platform), Field(row.Handle), Field(row.PlatformId),
            s.CollectedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Num(s.Followers), Num(s.Following), Num(s.Posts), Num(s.EngagementRate),
            s.PostsSampled.ToString(CultureInfo.InvariantCulture),
            Num(s.AvgLikes), Num(s.AvgReplies), Num(s.AvgReposts), Num(s.AvgQuotes), Num(s.AvgViews),
            Field(string.Join('|', QualityNames.Of(s.Quality))),
        ];
        return string.Join(',', fields);
    }

    /// <summary>Empty for unknown: a spreadsheet must not read a hidden count as 0.</summary>
    private static string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Num(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    // RFC 4180 quoting. Values are written as they are (a YouTube handle starts with @): this is data, not a sheet.
    private static string Field(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
