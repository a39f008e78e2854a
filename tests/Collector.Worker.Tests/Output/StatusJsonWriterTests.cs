using System.Text;
using System.Text.Json;
using Collector.Worker.Output;

namespace Collector.Worker.Tests.Output;

/// <summary>The streamed <c>status --json</c> must be the bytes the serializer wrote for the whole list.</summary>
public sealed class StatusJsonWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));

    [Fact]
    public async Task WriteAsync_ToATextWriter_EqualsTheSerializedListWithEveryFieldSetOrNull()
    {
        StatusRow[] rows =
        [
            Full(),
            Empty(),
            Full() with { Growth = Growth() with { Windows = [] }, Tags = [] },
            Full() with { LastCollectedAt = DateTimeOffset.MinValue, LastAttemptAt = DateTimeOffset.MaxValue, NextAttemptAt = new(987, 1, 2, 3, 4, 5, 6, TimeSpan.FromHours(-5)) },
        ];
        var output = new StringWriter();

        await StatusJsonWriter.WriteAsync(rows, output, CancellationToken.None);

        Assert.Equal(Serialized(rows), output.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(StatusJsonWriter.BlockRows)]
    [InlineData(StatusJsonWriter.BlockRows + 1)]
    [InlineData((9 * StatusJsonWriter.BlockRows) + 17)]
    public async Task WriteAsync_ToAStream_EqualsTheSerializedListAsUtf8OverManyBlocks(int count)
    {
        // Blocks are formatted in parallel and joined: one, exactly one full, one more, and more than run at once.
        var rows = Rows(count);
        using var output = new MemoryStream();

        await StatusJsonWriter.WriteAsync(rows, output, CancellationToken.None);

        Assert.Equal(Serialized(rows), Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_ToATextWriter_EqualsTheSerializedListOverManyBlocks()
    {
        var rows = Rows((3 * StatusJsonWriter.BlockRows) + 1);
        var output = new StringWriter();

        await StatusJsonWriter.WriteAsync(rows, output, CancellationToken.None);

        Assert.Equal(Serialized(rows), output.ToString());
    }

    [Fact]
    public async Task WriteAsync_WhenCancelled_StopsWithoutWritingTheWholeList()
    {
        var rows = Rows(20 * StatusJsonWriter.BlockRows);
        using var cancellation = new CancellationTokenSource();
        using var output = new MemoryStream();
        var written = 0;

        var writing = StatusJsonWriter.WriteAsync(rows, new CallbackStream(output, () =>
        {
            if (++written == 3)
            {
                cancellation.Cancel();
            }
        }), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing);
        Assert.True(output.Length < Encoding.UTF8.GetByteCount(Serialized(rows)) / 2);
    }

    [Fact]
    public async Task WriteAsync_WithoutRows_WritesAnEmptyArray()
    {
        var output = new StringWriter();

        await StatusJsonWriter.WriteAsync([], output, CancellationToken.None);

        Assert.Equal(Serialized([]), output.ToString());
    }

    /// <summary>Rows that differ from one another, so a block out of order or twice shows.</summary>
    private static StatusRow[] Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(static i => i % 3 == 0 ? Empty() with { Handle = $"u{i}@example.social" } : Full() with { Followers = i })];

    private static string Serialized(IReadOnlyList<StatusRow> rows) =>
        JsonSerializer.Serialize(rows, CliJsonContext.Default.IReadOnlyListStatusRow) + Environment.NewLine;

    /// <summary>Every field set, with text the encoder escapes (quotes, markup, non-ASCII, control characters).</summary>
    private static StatusRow Full() => new(
        Platform: "bluesky",
        Handle: "ünïcode.bsky.social",
        CurrentHandle: "renamed.bsky.social",
        PlatformId: "did:plc:abc<def>&'",
        Followers: 12_345,
        Following: 0,
        Posts: long.MaxValue,
        EngagementRate: 0.021234567890123,
        PostsSampled: 12,
        Tier: "band",
        LastCollectedAt: At,
        LastAttemptAt: At.AddMinutes(1),
        ConsecutiveFailures: 3,
        LastError: "Transient: \"503\"\n\tbody: 日本語 😀",
        NextAttemptAt: At.AddHours(6),
        Tags: ["news", "b\\c", "é"],
        Growth: Growth(),
        PausedUntil: At.AddDays(1),
        PauseReason: "back-off after 3 consecutive failure(s) (Transient)");

    private static GrowthView Growth() => new(
        [new GrowthWindowView(1, 10, 0.5, 1.02, At.AddDays(-1)), new GrowthWindowView(7, -3, null, null, null), new GrowthWindowView(30, 0, 1e-7, 29.99, At.AddDays(-30))],
        1234.5678,
        29.99,
        At.AddDays(100));

    private static StatusRow Empty() => new(
        "mastodon", "someone@example.social", null, null, null, null, null, null, 0, "unknown", null, null, 0, null, null, []);

    /// <summary>Calls back after each write, for cancelling mid-stream.</summary>
    private sealed class CallbackStream(Stream inner, Action afterWrite) : MemoryStream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await inner.WriteAsync(buffer, cancellationToken);
            afterWrite();
        }
    }
}
