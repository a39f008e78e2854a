namespace Collector.Core.Notifications;

/// <summary>What one dispatch pass did.</summary>
public sealed record DispatchReport(int Delivered, int Retrying, int GivenUp)
{
    public static DispatchReport Nothing { get; } = new(0, 0, 0);
}
