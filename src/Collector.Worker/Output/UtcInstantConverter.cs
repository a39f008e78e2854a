using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collector.Worker.Output;

/// <summary>Writes instants as ISO 8601 UTC with a <c>Z</c> (SPEC: lastCollectedAt is "ISO 8601 UTC").</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format of the instant's UTC <see cref="DateTime"/>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
