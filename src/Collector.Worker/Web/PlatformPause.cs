namespace Collector.Worker.Web;

/// <summary>A platform-level failure as the database records it (one state, not one per account).</summary>
internal sealed record PlatformPause(string Reason, string Message, DateTimeOffset Since, DateTimeOffset? Until, int ConsecutiveRounds);
