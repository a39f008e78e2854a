namespace Collector.Worker.Output;

/// <summary>Spike details in <c>flags --json --spikes</c>.</summary>
internal sealed record FlagSpike(string Day, long Change, double Expected, double Threshold);
