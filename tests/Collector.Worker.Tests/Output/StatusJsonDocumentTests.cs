using System.Text;
using System.Text.Json;
using Collector.Core.Metrics;
using Collector.Core.Storage;
using Collector.TestKit.Builders;
using Collector.Worker.Output;

namespace Collector.Worker.Tests.Output;

/// <summary>
/// <c>status --json</c> filled in any order from several threads must print the bytes the serializer wrote for the
/// whole list.
/// </summary>
public sealed class StatusJsonDocumentTests
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
        using var document = Filled(rows, parts: 1);
        var output = new StringWriter();

        await document.WriteAsync(output, CancellationToken.None);

        Assert.Equal(Serialized(rows), output.ToString());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3001, 2)]
    [InlineData(4000, 5)]
    public async Task WriteAsync_RowsWrittenOutOfOrderByParts_EqualsTheSerializedList(int count, int parts)
    {
        // Over 3,000 rows fill several chunks per part and several output buffers.
        var rows = Rows(count);
        using var document = Filled(rows, parts);
        using var output = new MemoryStream();

        await document.WriteAsync(output, CancellationToken.None);

        Assert.Equal(Serialized(rows), Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_RowsLargerThanAChunkAndTheOutputBuffer_AreWrittenWhole()
    {
        var rows = Rows(2500);
        rows[700] = rows[700] with { LastError = new string('e', 1_500_000) };
        rows[701] = rows[701] with { LastError = new string('é', 400_000) };
        using var document = Filled(rows, parts: 2);
        var output = new StringWriter();

        await document.WriteAsync(output, CancellationToken.None);

        Assert.Equal(Serialized(rows), output.ToString());
    }

    [Fact]
    public async Task Complete_FormatsTheRowsNotWritten()
    {
        var rows = Rows(3000);
        using var document = new StatusJsonDocument(rows.Length);
        var part = document.NewPart();
        for (var index = 0; index < rows.Length; index += 3)
        {
            part.Write(index, rows[index]);
        }

        document.Complete(index => index % 3 == 0 ? throw new InvalidOperationException($"row {index} was written") : rows[index]);
        using var output = new MemoryStream();
        await document.WriteAsync(output, CancellationToken.None);

        Assert.Equal(Serialized(rows), Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_ARowNeverWritten_Throws()
    {
        using var document = new StatusJsonDocument(2);
        document.NewPart().Write(1, Full());

        await Assert.ThrowsAsync<InvalidOperationException>(() => document.WriteAsync(Stream.Null, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_WhenCancelled_StopsWithoutWritingTheWholeList()
    {
        var rows = Rows(5000);
        using var document = Filled(rows, parts: 2);
        using var cancellation = new CancellationTokenSource();
        using var output = new MemoryStream();
        var written = 0;

        var writing = document.WriteAsync(new CallbackStream(output, () =>
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
        using var document = new StatusJsonDocument(0);
        var output = new StringWriter();

        await document.WriteAsync(output, CancellationToken.None);

        Assert.Equal(Serialized([]), output.ToString());
    }

    [Fact]
    public async Task ReadAsync_RecordsInAnyOrderOnSeveralThreads_PrintsTheRowsTheTableBuilds()
    {
        // One record per part is out of the watchlist's order, one is for an account no longer listed, and one
        // account has no record yet.
        var watchlist = WatchlistBuilder.Document(
            [.. Enumerable.Range(0, 40).Select(static i => WatchedAccountBuilder.Account(i % 2 == 0 ? "bluesky" : "x", $"u{i}.example.com"))]);
        var records = Enumerable.Range(1, 39).Reverse().Select(static i => Record(i % 2 == 0 ? "bluesky" : "x", $"u{i}.example.com", i))
            .Append(Record("bluesky", "gone.example.com", 99)).ToArray();
        var rows = new StatusRows(watchlist, [], At);

        using var document = await StatusJsonDocument.ReadAsync(new PartedReader(records.Chunk(10)), rows, CancellationToken.None);
        using var output = new MemoryStream();
        await document.WriteAsync(output, CancellationToken.None);

        var expected = rows.Build(records);
        Assert.Null(expected[0].Followers);
        Assert.Equal(Serialized(expected), Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>A document with <paramref name="rows"/> written by parts on their own threads, each in reverse order.</summary>
    private static StatusJsonDocument Filled(StatusRow[] rows, int parts)
    {
        var document = new StatusJsonDocument(rows.Length);
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
        {
            var part = document.NewPart();
            for (var index = rows.Length - 1 - p; index >= 0; index -= parts)
            {
                part.Write(index, rows[index]);
            }
        });

        return document;
    }

    /// <summary>Rows that differ from one another, so a row out of place or twice shows.</summary>
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

    private static AccountStatusRecord Record(string platform, string key, long followers) => new(
        platform,
        key,
        AccountId: followers,
        PlatformId: $"id-{followers}",
        Handle: key,
        Latest: new SnapshotRecord(followers, At, followers, 1, 1, 3, 0.5, null, null, null, null, 0.04, DataQuality.None),
        State: new CollectionStateRecord(At, At, followers % 3 == 0 ? 2 : 0, followers % 3 == 0 ? "Transient" : null, followers % 3 == 0 ? "503" : null, At.AddHours(1)))
    {
        GrowthPoints = [new(At.AddDays(-8), followers), new(At, followers * 2)],
    };

    /// <summary>Hands each chunk of records to its own part, on its own thread, as the database reader does.</summary>
    private sealed class PartedReader(IEnumerable<AccountStatusRecord[]> parts) : IStatusReader
    {
        public async Task<IReadOnlyList<TPart>> ReadStatusAsync<TPart>(
            Func<TPart> openPart, Action<TPart, AccountStatusRecord> add, CancellationToken cancellationToken) =>
            await Task.WhenAll(parts.Select(records => Task.Run(() =>
            {
                var part = openPart();
                foreach (var record in records)
                {
                    add(part, record);
                }

                return part;
            }, cancellationToken)));

        public Task<IReadOnlyList<AccountStatusRecord>> GetStatusAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<WatchEntryState>> GetStatesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AccountStatusRecord?> GetStatusAsync(string platform, string watchKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<SnapshotRecord>> GetSnapshotsAsync(long accountId, DateTimeOffset? since, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

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
