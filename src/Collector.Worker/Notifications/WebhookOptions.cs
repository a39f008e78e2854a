namespace Collector.Worker.Notifications;

/// <summary>One entry of <c>Notifications:Webhooks</c>. The URL is a secret: it is never logged, stored or printed.</summary>
internal sealed class WebhookOptions
{
    public string? Url { get; set; }

    /// <summary>Event kinds to send (entered, left, spike, platform_unhealthy, platform_recovered); empty = all.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary><c>json</c> (the documented payload), <c>slack</c> or <c>discord</c>.</summary>
    public string Format { get; set; } = WebhookFormats.Json;

    // Options objects end up in debugger views and exception messages; keep the URL out of them.
    public override string ToString() => $"webhook ({Format})";
}
