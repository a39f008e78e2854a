namespace Collector.Worker.Web;

/// <summary>Part of <c>/healthz</c>.</summary>
internal sealed record DatabaseHealth(bool Writable, string? Error);
