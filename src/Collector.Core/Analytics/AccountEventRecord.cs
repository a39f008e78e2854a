namespace Collector.Core.Analytics;

/// <summary>A stored event with the account it belongs to, as <c>flags</c> lists it.</summary>
public sealed record AccountEventRecord(string Platform, string Handle, string PlatformId, AccountEvent Event);
