namespace Collector.Worker.Cli;

/// <summary>SPEC "Commands": exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeAccountsFailed = 1;

    /// <summary>The work could not be done (a failed backup, a database that cannot take writes); same code as above.</summary>
    public const int Failed = 1;
    public const int UsageOrConfiguration = 2;
}
