namespace Collector.Worker.Notifications;

/// <summary>A validated webhook. Deliberately a class with its own ToString: a record would print the URL.</summary>
internal sealed class ConfiguredWebhook(string id, Uri url, string format, IReadOnlySet<string> events)
{
    public string Id { get; } = id;

    public Uri Url { get; } = url;

    public string Format { get; } = format;

    public IReadOnlySet<string> Events { get; } = events;

    public override string ToString() => $"{Id} ({Format})";
}
