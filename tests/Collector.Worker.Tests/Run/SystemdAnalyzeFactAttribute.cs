namespace Collector.Worker.Tests.Run;

/// <summary>A fact that is skipped, visibly, only where systemd-analyze is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public const string Tool = "/usr/bin/systemd-analyze";

    public SystemdAnalyzeFactAttribute()
    {
        if (!File.Exists(Tool))
        {
            Skip = $"{Tool} is not installed";
        }
    }
}
