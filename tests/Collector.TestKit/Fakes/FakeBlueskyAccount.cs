namespace Collector.TestKit.Fakes;

/// <summary>An account the fake AppView knows. Null counters are left out of the profile JSON, as the AppView may.</summary>
public sealed record FakeBlueskyAccount(string Did, string Handle)
{
    public string? DisplayName { get; init; }

    public long? Followers { get; init; } = 1200;

    public long? Follows { get; init; } = 150;

    public long? Posts { get; init; } = 340;

    /// <summary>Taken down by moderation: left out of getProfiles, AccountTakedown from getProfile.</summary>
    public bool TakenDown { get; init; }

    /// <summary>Deactivated by its owner: left out of getProfiles, AccountDeactivated from getProfile.</summary>
    public bool Deactivated { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = new(2023, 5, 2, 17, 40, 12, 87, TimeSpan.Zero);

    /// <summary><c>did:plc:</c> plus a 24-character id made from <paramref name="seed"/>, and a bsky.social handle.</summary>
    public static FakeBlueskyAccount Numbered(int seed) =>
        new($"did:plc:{seed:D4}abcdefghijklmnopqrst", $"user{seed}.bsky.social");
}
