namespace Collector.Core.Storage;

/// <summary>The collection state of one (platform, watch key) the database has seen: what scheduling and health read.</summary>
public sealed record WatchEntryState(string Platform, string WatchKey, CollectionStateRecord State);
