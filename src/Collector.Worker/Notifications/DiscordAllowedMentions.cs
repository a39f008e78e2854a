namespace Collector.Worker.Notifications;

/// <summary>Discord's <c>allowed_mentions</c>: an empty <c>parse</c> list turns every mention off.</summary>
internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse);
