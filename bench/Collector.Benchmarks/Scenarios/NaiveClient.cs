using System.Diagnostics;
using System.Text.Json;
using Collector.Benchmarks.Fake;
using Collector.Core.Platforms;

namespace Collector.Benchmarks.Scenarios;

/// <summary>
/// The baseline of request efficiency: what a per-account client library does, one profile request per account
/// (Bluesky getProfile, X /2/users/:id, Mastodon /api/v1/accounts/:id, YouTube channels?id=), with the same
/// concurrency per platform as the product and no retries or rate-limit handling.
/// </summary>
internal static class NaiveClient
{
    public static async Task<NaiveResult> RunAsync(Uri server, IReadOnlyList<string> platforms, int perPlatform, int concurrency, CancellationToken token)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server };
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(platforms.Select(platform => Parallel.ForEachAsync(
            Enumerable.Range(0, perPlatform),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = token },
            async (n, ct) =>
            {
                using var request = Request(platform, n);
                using var response = await http.SendAsync(request, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
                if (!response.IsSuccessStatusCode || Followers(platform, json.RootElement) != Synthetic.Followers(n))
                {
                    Interlocked.Increment(ref failures);
                }
            })));
        return new NaiveResult(watch.Elapsed, failures);
    }

    private static HttpRequestMessage Request(string platform, int n)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, platform switch
        {
            PlatformKeys.Bluesky => $"xrpc/app.bsky.actor.getProfile?actor={Synthetic.BlueskyDid(n)}",
            PlatformKeys.X => $"2/users/{Synthetic.XId(n)}?user.fields=public_metrics",
            PlatformKeys.Mastodon => $"{Synthetic.MastodonInstance(n)}/api/v1/accounts/{Synthetic.MastodonId(n)}",
            _ => $"youtube/v3/channels?part=snippet,statistics,contentDetails&id={Synthetic.YouTubeChannel(n)}",
        });
        if (platform == PlatformKeys.X)
        {
            request.Headers.Authorization = new("Bearer", XApi.BearerToken);
        }
        else if (platform == PlatformKeys.YouTube)
        {
            request.Headers.Add("X-Goog-Api-Key", YouTubeApi.ApiKey);
        }

        return request;
    }

    private static long? Followers(string platform, JsonElement root) => platform switch
    {
        PlatformKeys.Bluesky => root.GetProperty("followersCount").GetInt64(),
        PlatformKeys.X => root.GetProperty("data").GetProperty("public_metrics").GetProperty("followers_count").GetInt64(),
        PlatformKeys.Mastodon => root.GetProperty("followers_count").GetInt64(),
        _ => long.Parse(root.GetProperty("items")[0].GetProperty("statistics").GetProperty("subscriberCount").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture),
    };
}

internal sealed record NaiveResult(TimeSpan Elapsed, int Failures);
