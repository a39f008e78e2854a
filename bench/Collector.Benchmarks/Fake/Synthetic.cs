using System.Globalization;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// The synthetic accounts every fake platform serves: account <c>n</c> of a platform is a pure function of
/// <c>n</c>, so the fake server needs no state and the harness can write watchlists and naive requests for the same
/// accounts without asking it. Handles and ids follow each platform's real syntax, so the product's validation and
/// the clients' checks run as they would in production.
/// </summary>
internal static class Synthetic
{
    public const string MastodonInstanceSuffix = ".bench.social";
    public const int MastodonInstances = 16;

    private const string PlcAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const string PlcPrefix = "did:plc:bench";
    private const int PlcDigits = 24 - 5;
    private const long XIdBase = 1_700_000_000_000;
    private const long MastodonIdBase = 110_000_000_000_000_000;
    private const string ChannelPrefix = "UCbench";
    private const int ChannelDigits = 22 - 5;

    // Watchlist handles ----------------------------------------------------------------------------------------

    public static string BlueskyHandle(int n) => string.Create(CultureInfo.InvariantCulture, $"u{n}.bsky.social");

    public static string XHandle(int n) => string.Create(CultureInfo.InvariantCulture, $"u{n}");

    public static string MastodonHandle(int n) => string.Create(CultureInfo.InvariantCulture, $"u{n}@{MastodonInstance(n)}");

    public static string YouTubeHandle(int n) => string.Create(CultureInfo.InvariantCulture, $"@u{n}bench");

    public static string MastodonInstance(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"i{n % MastodonInstances}{MastodonInstanceSuffix}");

    // Stable ids ------------------------------------------------------------------------------------------------

    public static string BlueskyDid(int n)
    {
        Span<char> digits = stackalloc char[PlcDigits];
        var rest = (long)n;
        for (var i = PlcDigits - 1; i >= 0; i--)
        {
            digits[i] = PlcAlphabet[(int)(rest % 32)];
            rest /= 32;
        }

        return PlcPrefix + new string(digits);
    }

    public static string XId(int n) => (XIdBase + n).ToString(CultureInfo.InvariantCulture);

    public static string MastodonId(int n) => (MastodonIdBase + n).ToString(CultureInfo.InvariantCulture);

    public static string YouTubeChannel(int n) => ChannelPrefix + n.ToString(new string('0', ChannelDigits), CultureInfo.InvariantCulture);

    public static string YouTubeUploads(int n) => "UU" + YouTubeChannel(n)[2..];

    // Parsing back (server side); -1 when the text is not one of ours --------------------------------------------

    public static int FromBlueskyActor(string actor)
    {
        if (actor.StartsWith(PlcPrefix, StringComparison.Ordinal) && actor.Length == PlcPrefix.Length + PlcDigits)
        {
            long n = 0;
            foreach (var c in actor.AsSpan(PlcPrefix.Length))
            {
                var digit = PlcAlphabet.IndexOf(c, StringComparison.Ordinal);
                if (digit < 0)
                {
                    return -1;
                }

                n = (n * 32) + digit;
            }

            return n <= int.MaxValue ? (int)n : -1;
        }

        return actor.EndsWith(".bsky.social", StringComparison.OrdinalIgnoreCase) ? Number(actor.AsSpan(1, actor.Length - 1 - 12), 'u', actor) : -1;
    }

    public static int FromXUsername(string username) => username.Length > 1 ? Number(username.AsSpan(1), 'u', username) : -1;

    public static int FromXId(string id) => FromIdWithBase(id, XIdBase);

    public static int FromMastodonAcct(string acct) => acct.Length > 1 ? Number(acct.AsSpan(1), 'u', acct) : -1;

    public static int FromMastodonId(string id) => FromIdWithBase(id, MastodonIdBase);

    public static int FromYouTubeHandle(string handle) =>
        handle.StartsWith("@u", StringComparison.OrdinalIgnoreCase) && handle.EndsWith("bench", StringComparison.OrdinalIgnoreCase)
            ? Parse(handle.AsSpan(2, handle.Length - 2 - 5))
            : -1;

    public static int FromYouTubeId(string id, string prefix = ChannelPrefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) ? Parse(id.AsSpan(prefix.Length)) : -1;

    public static int FromYouTubeUploads(string playlist) => FromYouTubeId(playlist, "UUbench");

    // Metrics ---------------------------------------------------------------------------------------------------

    /// <summary>Spread over three orders of magnitude so accounts land below, in and above the default band.</summary>
    public static long Followers(int n) => 500 + (((long)n * 7919) % 300_000);

    public static long Following(int n) => 50 + (n % 900);

    public static long Posts(int n) => 100 + (((long)n * 31) % 20_000);

    public static long Likes(int n, int post) => ((n + post) * 13) % 500;

    public static long Replies(int n, int post) => ((n + post) * 7) % 40;

    public static long Reposts(int n, int post) => ((n + post) * 5) % 60;

    private static int Number(ReadOnlySpan<char> text, char prefix, string whole) =>
        char.ToLowerInvariant(whole[0]) == prefix ? Parse(text) : -1;

    private static int FromIdWithBase(string id, long idBase) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= idBase && value - idBase <= int.MaxValue
            ? (int)(value - idBase)
            : -1;

    private static int Parse(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
