using System.Globalization;
using Collector.Core.Watchlist;
using Collector.TestKit.Builders;

namespace Collector.Worker.Tests.FaultInjection;

/// <summary>
/// One platform's fake server with one watched account, the worker settings pointing at it, and the two things that
/// differ per platform in the fault table: its 429 in its own header dialect and a body with a wrong-typed count.
/// Real clock, but tiny retry delays; the attempt timeout is short only where a hang is injected (a second per
/// attempt), and generous elsewhere so a loaded machine does not turn a healthy answer into a timeout.
/// </summary>
internal abstract class PlatformRig : IAsyncDisposable
{
    /// <summary>Attempts per request: the first plus <c>MaxRetries</c> (1) retry.</summary>
    public const int AttemptsPerRequest = 2;

    public abstract string Platform { get; }

    /// <summary>The settings section name under <c>Platforms:</c>.</summary>
    protected abstract string Section { get; }

    public abstract int RequestCount { get; }

    public WatchedAccount Account => WatchedAccountBuilder.Account(Platform, Handle, engagementPosts: 0);

    protected abstract string Handle { get; }

    public static PlatformRig Create(string platform) => platform switch
    {
        "bluesky" => new BlueskyRig(),
        "x" => new XRig(),
        "mastodon" => new MastodonRig(),
        "youtube" => new YouTubeRig(),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public abstract Task StartAsync();

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="times"/> requests to this platform.</summary>
    public abstract void Inject(TestKit.Fakes.FakeFault fault, int times);

    /// <summary>429 with the platform's own rate-limit headers announcing <paramref name="reset"/>.</summary>
    public abstract TestKit.Fakes.FakeFault TooManyRequests(DateTimeOffset reset);

    /// <summary>The watched account's stable id as a JSON value.</summary>
    public abstract string IdJson { get; }

    /// <summary>
    /// A successful profile answer of the right shape for the watched account, with <paramref name="idJson"/> as its
    /// stable id (null: the field is left out) and <paramref name="followersJson"/> as its follower count (raw JSON).
    /// </summary>
    public abstract string ProfileBody(string? idJson, string followersJson);

    /// <summary>The JSON id property, or nothing when <paramref name="idJson"/> is null.</summary>
    protected static string IdProperty(string name, string? idJson) => idJson is null ? string.Empty : $"\"{name}\":{idJson},";

    public static TimeSpan ShortAttemptTimeout { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan LongAttemptTimeout { get; } = TimeSpan.FromSeconds(30);

    public Dictionary<string, string?> Settings(TimeSpan attemptTimeout)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Platforms:{Section}:RetryBaseDelay"] = "00:00:00.010",
            [$"Platforms:{Section}:MaxRetries"] = (AttemptsPerRequest - 1).ToString(CultureInfo.InvariantCulture),
            [$"Platforms:{Section}:AttemptTimeout"] = attemptTimeout.ToString("c", CultureInfo.InvariantCulture),
            [$"Platforms:{Section}:TotalTimeout"] = "00:02:00",

            // Any announced wait is beyond the clamp: the request is refused as RateLimited and the round deferred.
            [$"Platforms:{Section}:MaxServerWait"] = "00:00:00",
        };
        foreach (var (key, value) in PlatformSettings())
        {
            settings[$"Platforms:{Section}:{key}"] = value;
        }

        return settings;
    }

    protected abstract IEnumerable<KeyValuePair<string, string?>> PlatformSettings();

    public abstract ValueTask DisposeAsync();

    protected static string EpochSeconds(DateTimeOffset instant) =>
        instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
