namespace Collector.Worker.Tests.EndToEnd;

/// <summary>What one in-process run of the <c>collector</c> command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);
