using Collector.Platforms.Http;

namespace Collector.Platforms.Tests.Http;

public sealed class SizeLimitedStreamTests
{
    [Fact]
    public async Task ReadingPastTheCap_Fails_WithoutReadingTheRest()
    {
        var source = new MemoryStream(new byte[10_000]);
        await using var limited = new SizeLimitedStream(source, 1000);
        var buffer = new byte[600];

        await limited.ReadExactlyAsync(buffer);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await limited.ReadExactlyAsync(buffer));

        Assert.True(limited.LimitExceeded);
        Assert.Equal(1200, source.Position);
    }

    [Fact]
    public async Task ABodyOfExactlyTheCap_IsReadWhole()
    {
        await using var limited = new SizeLimitedStream(new MemoryStream(new byte[1000]), 1000);
        using var copy = new MemoryStream();

        await limited.CopyToAsync(copy);

        Assert.Equal(1000, copy.Length);
        Assert.False(limited.LimitExceeded);
    }
}
