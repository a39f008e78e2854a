using System.Text;
using Collector.Core.Watchlist;
using Collector.Core.Watchlist.Cache;

namespace Collector.Core.Tests.Watchlist;

public sealed class WatchlistCacheTests : IDisposable
{
    /// <summary>Every field a cache must carry: cron and interval schedules at every level, bands, tags, notes, case.</summary>
    private const string Rich = """
        schedule: "0 0 */6 * * ?"
        engagement_posts: 20
        band: { min_followers: 5000, max_followers: 50000, min_engagement_rate: 0.015, confirm_snapshots: 3 }
        platforms:
          youtube: { schedule: every 24h, band: { max_followers: 200000 } }
          x: { engagement_posts: 0 }
        accounts:
          - bluesky: Jay.Bsky.Team
            tags: [dev, news]
            note: "founder; ask before quoting"
          - bluesky: alice.example.com
            tags: [news, dev]
          - mastodon: Gargron@mastodon.social
            tags: [dev, news]
            schedule: every 90m
          - x: XDevelopers
            band: { min_followers: 100 }
          -   youtube: "@GoogleDevelopers"
              schedule: "0 30 2 ? * MON-FRI"
              engagement_posts: 5
          - youtube: UC_x5XG1OV2P6uZZ5FSM9Ttw
            note: "Google's channel; \u00e9t\u00e9 ✓"
            tags: []

        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("collector-watchlist-cache-");
    private readonly string _watchlist;
    private readonly string _cacheFile;
    private int _cronChecks;

    public WatchlistCacheTests()
    {
        _watchlist = Write("watchlist.yaml", Rich);
        _cacheFile = Path.Combine(_directory.FullName, "collector.db.watchlist-cache");
    }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_SameBytesAgain_ComesFromTheCacheAndEqualsTheFullParse()
    {
        var first = Load(out var firstOutcome);
        var checksAfterFirst = _cronChecks;
        var second = Load(out var secondOutcome);

        Assert.True(first.IsValid, string.Join(Environment.NewLine, first.Problems));
        Assert.Equal(WatchlistCacheOutcome.Stored, firstOutcome);
        Assert.Equal(WatchlistCacheOutcome.Hit, secondOutcome);
        Assert.True(checksAfterFirst > 0, "the full parse validates the cron expressions");
        Assert.Equal(checksAfterFirst, _cronChecks);
        var expected = FullParse(_watchlist);
        AssertSameDocument(expected, first.Document!);
        AssertSameDocument(expected, second.Document!);
    }

    [Fact]
    public void Load_FromTheCache_TakesTheCurrentPath()
    {
        Load(out _);
        var moved = Write("moved.yaml", Rich);

        var result = Cache().Load(moved, CountingValidator, out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Hit, outcome);
        Assert.Equal(moved, result.Document!.Path);
    }

    [Fact]
    public void Load_AfterAOneByteEdit_ParsesAgainAndTheNewContentWins()
    {
        Load(out _);
        File.WriteAllText(_watchlist, Rich.Replace("every 90m", "every 91m", StringComparison.Ordinal));

        var edited = Load(out var outcome);
        var again = Load(out var againOutcome);

        Assert.Equal(WatchlistCacheOutcome.Stored, outcome);
        Assert.Equal(new Schedule.Every(TimeSpan.FromMinutes(91)), edited.Document!.Accounts[2].Schedule);
        Assert.Equal(WatchlistCacheOutcome.Hit, againOutcome);
        AssertSameDocument(FullParse(_watchlist), again.Document!);
    }

    public static TheoryData<string> Damages => ["empty", "truncated", "header only", "flipped byte", "wrong version", "garbage", "directory"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void Load_DamagedCacheFile_FallsBackToTheFullParseAndRewritesIt(string damage)
    {
        Load(out _);
        Damage(damage);

        var result = Load(out var outcome);

        AssertSameDocument(FullParse(_watchlist), result.Document!);
        if (damage == "directory")
        {
            Assert.Equal(WatchlistCacheOutcome.NotStored, outcome);
            return;
        }

        Assert.Equal(WatchlistCacheOutcome.Stored, outcome);
        Load(out var rewritten);
        Assert.Equal(WatchlistCacheOutcome.Hit, rewritten);
    }

    [Fact]
    public void Load_InvalidWatchlist_IsNotCachedAndReportsItsProblemsEveryTime()
    {
        File.WriteAllText(_watchlist, "accounts:\n  - bluesky: not a handle\n");
        var expected = WatchlistLoader.Load(_watchlist, CountingValidator).Problems;

        var first = Load(out var firstOutcome);
        var second = Load(out var secondOutcome);

        Assert.Equal((WatchlistCacheOutcome.Invalid, WatchlistCacheOutcome.Invalid), (firstOutcome, secondOutcome));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, first.Problems);
        Assert.Equal(expected, second.Problems);
        Assert.False(File.Exists(_cacheFile));
    }

    [Fact]
    public void Load_ValidThenAnInvalidEdit_ReportsTheEditNotTheCachedDocument()
    {
        Load(out _);
        File.WriteAllText(_watchlist, Rich.Replace("every 90m", "every 90y", StringComparison.Ordinal));

        var result = Load(out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Invalid, outcome);
        Assert.Null(result.Document);
        Assert.Contains(result.Problems, p => p.Message.Contains("every 90y", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CacheDirectoryCannotBeCreatedIn_StillLoads()
    {
        // A path below a regular file fails for every user, root included (unlike a chmod'ed directory).
        var blocker = Write("blocker", "not a directory");
        var cache = new WatchlistCache(Path.Combine(blocker, "collector.db.watchlist-cache"), "test");

        var result = cache.Load(_watchlist, CountingValidator, out var outcome);

        Assert.Equal(WatchlistCacheOutcome.NotStored, outcome);
        AssertSameDocument(FullParse(_watchlist), result.Document!);
        Assert.Equal(["blocker", "watchlist.yaml"], _directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_OtherCronValidatorCode_DoesNotTrustTheCache()
    {
        Load(out _);

        new WatchlistCache(_cacheFile, "another build").Load(_watchlist, CountingValidator, out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Stored, outcome);
    }

    [Fact]
    public void Load_FileIsNotUtf8_ReportsItAsWithoutACache()
    {
        File.WriteAllBytes(_watchlist, [.. Encoding.UTF8.GetBytes("accounts:\n  - x: caf"), 0xE9, (byte)'\n']);

        var result = Load(out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Invalid, outcome);
        Assert.Equal(WatchlistLoader.Load(_watchlist).Problems, result.Problems);
        Assert.Contains("not valid UTF-8", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_IsRefusedAsWithoutACache()
    {
        File.WriteAllText(_watchlist, Rich + new string('#', WatchlistLoader.MaxFileBytes));

        var result = Load(out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Invalid, outcome);
        Assert.Contains("may be at most", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EqualValues_AreOneSharedInstanceWhetherParsedOrCached()
    {
        var parsed = Load(out _).Document!;
        var cached = Load(out _).Document!;

        foreach (var document in (WatchlistDocument[])[parsed, cached])
        {
            var bluesky = document.Accounts.Where(a => a.Platform == "bluesky").ToList();
            Assert.Same(bluesky[0].Band, bluesky[1].Band);
            Assert.Same(bluesky[0].Schedule, bluesky[1].Schedule);
            Assert.Same(document.Accounts[0].Tags, document.Accounts[2].Tags);
            Assert.NotSame(document.Accounts[0].Tags, document.Accounts[1].Tags);
            Assert.Same("bluesky", bluesky[0].Platform);
            Assert.Same(bluesky[1].Handle, bluesky[1].Key);
        }
    }

    public static TheoryData<string, string> Lookups => new()
    {
        { "bluesky", "jay.bsky.team" },
        { "bluesky", "alice.example.com" },
        { "mastodon", "gargron@mastodon.social" },
        { "youtube", "@googledevelopers" },
        { "youtube", "UC_x5XG1OV2P6uZZ5FSM9Ttw" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public void Find_InACachedDocument_GivesTheEntryTheFullParseHas(string platform, string key)
    {
        Load(out _);
        var cached = Load(out var outcome).Document!;
        var expected = FullParse(_watchlist).Accounts.Single(a => a.Platform == platform && a.Key == key);

        var found = cached.Find(platform, key);

        Assert.Equal(WatchlistCacheOutcome.Hit, outcome);
        Assert.NotNull(found);
        Assert.Equal(expected.Tags, found.Tags);
        Assert.Equal(expected with { Tags = [] }, found with { Tags = [] });
    }

    [Theory]
    [InlineData("bluesky", "nobody.example.com")]
    [InlineData("x", "jay.bsky.team")]
    [InlineData("bluesky", "Jay.Bsky.Team")]
    [InlineData("threads", "jay.bsky.team")]
    public void Find_NoSuchEntry_IsNull(string platform, string key)
    {
        Load(out _);
        var cached = Load(out _).Document!;

        var found = cached.Find(platform, key);

        Assert.Null(found);
        Assert.Equal(2, cached.Accounts.Count(a => a.Platform == "bluesky"));
    }

    [Fact]
    public void Accounts_OfACachedDocument_ReadAlikeByIndexByEnumerationAndByFind()
    {
        Load(out _);
        var cached = Load(out _).Document!;

        var byIndex = Enumerable.Range(0, cached.Accounts.Count).Select(i => cached.Accounts[i]).ToList();
        var byFind = byIndex.Select(a => cached.Find(a.Platform, a.Key)!).ToList();

        Assert.Equal(6, byIndex.Count);
        Assert.Equal(byIndex, cached.Accounts);
        Assert.Equal(byIndex, byFind);
        Assert.Throws<ArgumentOutOfRangeException>(() => cached.Accounts[cached.Accounts.Count]);
    }

    [Fact]
    public void CountByPlatform_CachedOrParsed_CountsEveryPlatformWithAccounts()
    {
        Load(out _);
        var cached = Load(out _).Document!;
        var parsed = FullParse(_watchlist);
        var expected = new Dictionary<string, int> { ["bluesky"] = 2, ["mastodon"] = 1, ["x"] = 1, ["youtube"] = 2 };

        Assert.Equal(expected, cached.CountByPlatform());
        Assert.Equal(expected, parsed.CountByPlatform());
    }

    [Theory]
    [InlineData(0, 6)]
    [InlineData(2, 5)]
    [InlineData(6, 6)]
    public void VisitKeys_CachedOrParsed_HandsOverEachAccountsPlatformAndKeyInOrder(int from, int to)
    {
        Load(out _);
        var cached = Load(out _).Document!;
        var parsed = FullParse(_watchlist);
        var expected = parsed.Accounts.Select((a, i) => (i, a.Platform, a.Key)).Skip(from).Take(to - from).ToList();

        Assert.Equal(expected, Visited(cached, from, to));
        Assert.Equal(expected, Visited(parsed, from, to));
        Assert.Throws<ArgumentOutOfRangeException>(() => cached.VisitKeys(0, 7, static (_, _, _) => { }));
    }

    private static List<(int, string, string)> Visited(WatchlistDocument document, int from, int to)
    {
        var visited = new List<(int, string, string)>();
        document.VisitKeys(from, to, (position, platform, key) => visited.Add((position, platform, System.Text.Encoding.UTF8.GetString(key))));
        return visited;
    }

    [Theory]
    [InlineData("entry cut short")]
    [InlineData("a byte after the last entry")]
    public void Load_IntactHashButAnEntryItCannotRead_FallsBackToTheFullParse(string damage)
    {
        Load(out _);
        var bytes = File.ReadAllBytes(_cacheFile);
        var body = bytes[..^WatchlistCacheFormat.HashBytes];
        body = damage == "entry cut short"
            ? [.. body[..^3], 0x80, 0x80, 0x80, 0x80]
            : [.. body, 0x01];
        File.WriteAllBytes(_cacheFile, [.. body, .. System.Security.Cryptography.SHA256.HashData(body)]);

        var result = Load(out var outcome);

        Assert.Equal(WatchlistCacheOutcome.Stored, outcome);
        AssertSameDocument(FullParse(_watchlist), result.Document!);
    }

    private WatchlistCache Cache() => new(_cacheFile, "test");

    private WatchlistLoadResult Load(out WatchlistCacheOutcome outcome) => Cache().Load(_watchlist, CountingValidator, out outcome);

    private WatchlistDocument FullParse(string path)
    {
        var result = WatchlistLoader.Load(path, CountingValidator);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Document!;
    }

    private string? CountingValidator(string expression)
    {
        _cronChecks++;
        return null;
    }

    private void Damage(string damage)
    {
        var bytes = File.ReadAllBytes(_cacheFile);
        switch (damage)
        {
            case "empty":
                File.WriteAllBytes(_cacheFile, []);
                break;
            case "truncated":
                File.WriteAllBytes(_cacheFile, bytes[..(bytes.Length / 2)]);
                break;
            case "header only":
                File.WriteAllBytes(_cacheFile, bytes[..40]);
                break;
            case "flipped byte":
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(_cacheFile, bytes);
                break;
            case "wrong version":
                bytes[4]++;
                File.WriteAllBytes(_cacheFile, bytes);
                break;
            case "garbage":
                File.WriteAllText(_cacheFile, Rich);
                break;
            default:
                File.Delete(_cacheFile);
                Directory.CreateDirectory(_cacheFile);
                break;
        }
    }

    private static void AssertSameDocument(WatchlistDocument expected, WatchlistDocument actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Global, actual.Global);
        Assert.Equal(expected.Platforms.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Platforms.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Accounts.Count, actual.Accounts.Count);
        foreach (var (want, got) in expected.Accounts.Zip(actual.Accounts))
        {
            // Records compare lists by reference; the tags are compared as sequences instead.
            Assert.Equal(want.Tags, got.Tags);
            Assert.Equal(want with { Tags = [] }, got with { Tags = [] });
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
