namespace Collector.Worker.Output;

/// <summary>One growth window: nominal <see cref="Days"/>, and the span really covered (null: no snapshot near enough).</summary>
internal sealed record GrowthWindowView(int Days, long? Change, double? Percent, double? SpanDays, DateTimeOffset? From);
