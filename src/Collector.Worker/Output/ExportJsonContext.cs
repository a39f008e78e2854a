using System.Text.Json.Serialization;

namespace Collector.Worker.Output;

/// <summary>JSON Lines of <c>export --format jsonl</c>: one compact object per line, nulls written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcInstantConverter)])]
[JsonSerializable(typeof(ExportLine))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
