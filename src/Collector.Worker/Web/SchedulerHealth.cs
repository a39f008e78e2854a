namespace Collector.Worker.Web;

/// <summary>Part of <c>/healthz</c>.</summary>
internal sealed record SchedulerHealth(bool Running, string State);
