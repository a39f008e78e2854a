using Collector.Core.Storage;
using Collector.Storage.Platforms;

namespace Collector.Storage.Tests.Platforms;

public sealed class PlatformStateStoreTests : StoreTestBase
{
    private SqlitePlatformStateStore States => new(new SqliteConnectionFactory(Database.Path), Clock);

    [Fact]
    public async Task Save_RoundTrips_ReplacesTheRow_AndClearRemovesIt()
    {
        var since = Clock.GetUtcNow();
        await States.SaveAsync(new PlatformStateRecord("x", "Unauthorized", "token refused", since, null, 1), CancellationToken.None);
        var until = since.AddMinutes(15);
        var second = new PlatformStateRecord("x", "Unavailable", "HTTP 503", since, until, 2);
        await States.SaveAsync(second, CancellationToken.None);
        await States.SaveAsync(new PlatformStateRecord("bluesky", "RateLimited", "429", since, until, 1), CancellationToken.None);

        Assert.Equal(second, await States.GetAsync("x", CancellationToken.None));
        Assert.Equal(["bluesky", "x"], (await States.GetAllAsync(CancellationToken.None)).Select(s => s.Platform));

        await States.ClearAsync("x", CancellationToken.None);

        Assert.Null(await States.GetAsync("x", CancellationToken.None));
        Assert.Single(await States.GetAllAsync(CancellationToken.None));
    }
}
