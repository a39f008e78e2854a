using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Collector.Worker.Output;

/// <summary>
/// Formats one row of <c>status --json</c> as UTF-8, as serializing the whole list through <see cref="CliJsonContext"/>
/// writes it (<see cref="StatusJsonDocument"/> joins the rows). Property order and names follow
/// <see cref="StatusRow"/>; a test compares the two ways.
/// </summary>
internal static class StatusJsonWriter
{
    /// <summary>The options <see cref="CliJsonContext"/> writes with (indented, its encoder), so the bytes are equal.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = CliJsonContext.Default.Options.WriteIndented,
        IndentCharacter = CliJsonContext.Default.Options.IndentCharacter,
        IndentSize = CliJsonContext.Default.Options.IndentSize,
        NewLine = CliJsonContext.Default.Options.NewLine,
        Encoder = CliJsonContext.Default.Options.Encoder,
    };

    internal static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Options.NewLine);

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteRow(Utf8JsonWriter writer, StatusRow row)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Platform, row.Platform);
        writer.WriteString(Names.Handle, row.Handle);
        writer.WriteString(Names.CurrentHandle, row.CurrentHandle);
        writer.WriteString(Names.PlatformId, row.PlatformId);
        WriteNumber(writer, Names.Followers, row.Followers);
        WriteNumber(writer, Names.Following, row.Following);
        WriteNumber(writer, Names.Posts, row.Posts);
        WriteNumber(writer, Names.EngagementRate, row.EngagementRate);
        writer.WriteNumber(Names.PostsSampled, row.PostsSampled);
        writer.WriteString(Names.Tier, row.Tier);
        WriteInstant(writer, Names.LastCollectedAt, row.LastCollectedAt);
        WriteInstant(writer, Names.LastAttemptAt, row.LastAttemptAt);
        writer.WriteNumber(Names.ConsecutiveFailures, row.ConsecutiveFailures);
        writer.WriteString(Names.LastError, row.LastError);
        WriteInstant(writer, Names.NextAttemptAt, row.NextAttemptAt);
        writer.WriteStartArray(Names.Tags);
        // Index loops: a foreach over an interface boxes an enumerator per account.
        for (var i = 0; i < row.Tags.Count; i++)
        {
            writer.WriteStringValue(row.Tags[i]);
        }

        writer.WriteEndArray();
        WriteGrowth(writer, row.Growth);
        WriteInstant(writer, Names.PausedUntil, row.PausedUntil);
        writer.WriteString(Names.PauseReason, row.PauseReason);
        writer.WriteEndObject();
    }

    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteGrowth(Utf8JsonWriter writer, GrowthView? growth)
    {
        if (growth is null)
        {
            writer.WriteNull(Names.Growth);
            return;
        }

        writer.WriteStartObject(Names.Growth);
        writer.WriteStartArray(Names.Windows);
        for (var i = 0; i < growth.Windows.Count; i++)
        {
            var window = growth.Windows[i];
            writer.WriteStartObject();
            writer.WriteNumber(Names.Days, window.Days);
            WriteNumber(writer, Names.Change, window.Change);
            WriteNumber(writer, Names.Percent, window.Percent);
            WriteNumber(writer, Names.SpanDays, window.SpanDays);
            WriteInstant(writer, Names.From, window.From);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNumber(writer, Names.DailyGrowth, growth.DailyGrowth);
        WriteNumber(writer, Names.RateSpanDays, growth.RateSpanDays);
        WriteInstant(writer, Names.ProjectedBandEntry, growth.ProjectedBandEntry);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>As <see cref="UtcInstantConverter"/> writes an instant; its digits are placed by hand, because the
    /// custom format string costs more than the rest of the value (four instants per row).</summary>
    // Once per account of a status: optimized from the first call, not run unoptimized by a fresh process.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not { } instant)
        {
            writer.WriteNull(name);
            return;
        }

        // yyyy-MM-ddTHH:mm:ss.fffZ
        Span<byte> text = stackalloc byte[24];
        var utc = instant.UtcDateTime;
        var (year, month, day) = utc;
        var time = utc.TimeOfDay;
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text[5..7], month);
        text[7] = (byte)'-';
        Digits(text[8..10], day);
        text[10] = (byte)'T';
        Digits(text[11..13], time.Hours);
        text[13] = (byte)':';
        Digits(text[14..16], time.Minutes);
        text[16] = (byte)':';
        Digits(text[17..19], time.Seconds);
        text[19] = (byte)'.';
        Digits(text[20..23], time.Milliseconds);
        text[23] = (byte)'Z';
        writer.WriteString(name, text);
    }

    /// <summary>The value's last <c>target.Length</c> decimal digits, zero-padded.</summary>
    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>The camelCase names <see cref="CliJsonContext"/> gives the properties, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
        public static readonly JsonEncodedText Handle = JsonEncodedText.Encode("handle");
        public static readonly JsonEncodedText CurrentHandle = JsonEncodedText.Encode("currentHandle");
        public static readonly JsonEncodedText PlatformId = JsonEncodedText.Encode("platformId");
        public static readonly JsonEncodedText Followers = JsonEncodedText.Encode("followers");
        public static readonly JsonEncodedText Following = JsonEncodedText.Encode("following");
        public static readonly JsonEncodedText Posts = JsonEncodedText.Encode("posts");
        public static readonly JsonEncodedText EngagementRate = JsonEncodedText.Encode("engagementRate");
        public static readonly JsonEncodedText PostsSampled = JsonEncodedText.Encode("postsSampled");
        public static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
        public static readonly JsonEncodedText LastCollectedAt = JsonEncodedText.Encode("lastCollectedAt");
        public static readonly JsonEncodedText LastAttemptAt = JsonEncodedText.Encode("lastAttemptAt");
        public static readonly JsonEncodedText ConsecutiveFailures = JsonEncodedText.Encode("consecutiveFailures");
        public static readonly JsonEncodedText LastError = JsonEncodedText.Encode("lastError");
        public static readonly JsonEncodedText NextAttemptAt = JsonEncodedText.Encode("nextAttemptAt");
        public static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
        public static readonly JsonEncodedText Growth = JsonEncodedText.Encode("growth");
        public static readonly JsonEncodedText Windows = JsonEncodedText.Encode("windows");
        public static readonly JsonEncodedText Days = JsonEncodedText.Encode("days");
        public static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
        public static readonly JsonEncodedText Percent = JsonEncodedText.Encode("percent");
        public static readonly JsonEncodedText SpanDays = JsonEncodedText.Encode("spanDays");
        public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
        public static readonly JsonEncodedText DailyGrowth = JsonEncodedText.Encode("dailyGrowth");
        public static readonly JsonEncodedText RateSpanDays = JsonEncodedText.Encode("rateSpanDays");
        public static readonly JsonEncodedText ProjectedBandEntry = JsonEncodedText.Encode("projectedBandEntry");
        public static readonly JsonEncodedText PausedUntil = JsonEncodedText.Encode("pausedUntil");
        public static readonly JsonEncodedText PauseReason = JsonEncodedText.Encode("pauseReason");
    }
}
