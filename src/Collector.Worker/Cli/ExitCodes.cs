namespace Collector.Worker.Cli;

/// <summary>SPEC "Commands": exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeAccountsFailed = 1;
    public const int UsageOrConfiguration = 2;
}
