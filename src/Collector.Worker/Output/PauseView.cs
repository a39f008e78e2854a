using Collector.Core.Storage;

namespace Collector.Worker.Output;

/// <summary>Why an entry is not being collected right now and until when: its platform's pause or its own back-off.</summary>
internal sealed record PauseView(DateTimeOffset? Until, string Reason)
{
    /// <summary>The later of the platform's pause and the entry's own next attempt; null when nothing holds it back.</summary>
    public static PauseView? Of(CollectionStateRecord? state, PlatformStateRecord? platform, DateTimeOffset now)
    {
        PauseView? own = state is { NextAttemptAt: { } next } && next > now
            ? new PauseView(next, OwnReason(state))
            : null;
        if (platform is null)
        {
            return own;
        }

        // A platform pause without an end still explains why nothing is collected: show it with a null "until".
        var platformPause = new PauseView(
            platform.Until > now ? platform.Until : null,
            $"platform {platform.Reason} since {platform.Since:yyyy-MM-dd HH:mm'Z'} ({platform.ConsecutiveFailures} failed round(s)): {platform.Message}");
        return own is not null && own.Until > (platformPause.Until ?? DateTimeOffset.MinValue) ? own : platformPause;
    }

    private static string OwnReason(CollectionStateRecord state) =>
        state.ConsecutiveFailures > 0
            ? $"back-off after {state.ConsecutiveFailures} consecutive failure(s) ({state.LastErrorKind})"
            : $"deferred ({state.LastErrorKind})";
}
