using System.Text;
using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

/// <summary>Mutated watchlists (fixed seed): the loader never throws and never lets a bad handle through.</summary>
public sealed class WatchlistFuzzTests
{
    private const int Variants = 4000;

    private const string Seed = """
        schedule: every 6h
        engagement_posts: 12
        band:
          min_followers: 10000
          max_followers: 100000
          min_engagement_rate: 0.02
          confirm_snapshots: 2
        platforms:
          youtube: { schedule: every 24h, band: { max_followers: 500000 } }
          x: { engagement_posts: 20 }
        accounts:
          - bluesky: jay.bsky.team
          - bluesky: did:plc:z72i7hdynmk6r22z27h6tvur
          - mastodon: Gargron@mastodon.social
            tags: [founder, fediverse]
          - x: XDevelopers
            note: "the X developer account"
          - youtube: "@GoogleDevelopers"
            schedule: 0 0 */12 * * ?
          - youtube: UC_x5XG1OV2P6uZZ5FSM9Ttw
            band: { min_followers: 1000, min_engagement_rate: 0.01 }

        """;

    /// <summary>YAML indicators, whitespace and characters that must never reach a URL.</summary>
    private static readonly string Alphabet = "abcxyz019_-.:@/?#&*!|>'\"%`{}[],~ \t\n\r\u0000\u0007\u001B\u00E9\u0430\u200B\uFEFF";

    [Fact]
    public void Parse_MutatedWatchlists_NeverThrowAndReportOnlyValidPositions()
    {
        var random = new Random(20240611);
        var (valid, invalid) = (0, 0);

        for (var i = 0; i < Variants; i++)
        {
            var text = Mutate(Seed, random, mutations: random.Next(1, 5));

            var result = WatchlistLoader.Parse(text, "fuzz.yaml");

            Assert.True(result.Document is null != (result.Problems.Count == 0), $"document xor problems for:\n{text}");
            foreach (var problem in result.Problems)
            {
                Assert.True(problem.Line >= 1 && problem.Column >= 1, $"{problem} for:\n{text}");
                Assert.Equal("fuzz.yaml", problem.File);
                Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            }

            if (result.Document is { } document)
            {
                valid++;
                AssertAccountsAreSound(document, text);
            }
            else
            {
                invalid++;
            }
        }

        // Both outcomes must occur, or the mutations are not exercising the loader.
        Assert.InRange(valid, Variants / 20, Variants - (Variants / 20));
        Assert.True(invalid > 0);
    }

    private static void AssertAccountsAreSound(WatchlistDocument document, string text)
    {
        foreach (var account in document.Accounts)
        {
            Assert.True(HandleRules.Validate(account.Platform, account.Handle) is null, $"accepted {account.Display} from:\n{text}");
            Assert.Equal(HandleRules.Normalize(account.Platform, account.Handle), account.Key);
            Assert.InRange(account.EngagementPosts, 0, 100);
            Assert.InRange(account.Band.MinEngagementRate, 0, 1);
            Assert.True(account.Band.MinFollowers <= account.Band.MaxFollowers);
            Assert.True(account.Band.ConfirmSnapshots >= 1);
            Assert.True(account.Line >= 1 && account.Column >= 1);
        }

        Assert.Equal(document.Accounts.Count, document.Accounts.Select(a => (a.Platform, a.Key)).Distinct().Count());
    }

    private static string Mutate(string text, Random random, int mutations)
    {
        var builder = new StringBuilder(text);
        for (var m = 0; m < mutations && builder.Length > 1; m++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(random.Next(1, 4), builder.Length - at));
                    break;
                case 2 when at + 1 < builder.Length:
                    (builder[at], builder[at + 1]) = (builder[at + 1], builder[at]);
                    break;
                default:
                    // Copy a random slice somewhere else: duplicates keys, lines and accounts.
                    var length = Math.Min(random.Next(1, 40), builder.Length - at);
                    var slice = builder.ToString(at, length);
                    builder.Insert(random.Next(builder.Length), slice);
                    break;
            }
        }

        return builder.ToString();
    }
}
