namespace Collector.TestKit.Fakes;

/// <summary>An account on a fake Mastodon instance. Ids are numeric strings, as Mastodon's are.</summary>
public sealed record FakeMastodonAccount(string Id, string Username)
{
    public string? DisplayName { get; init; }

    public long Followers { get; init; } = 1200;

    public long Following { get; init; } = 150;

    public long Statuses { get; init; } = 340;

    /// <summary>Suspended (3.3+): still answered, with <c>"suspended": true</c> and every counter zeroed.</summary>
    public bool Suspended { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = new(2016, 3, 16, 14, 34, 26, 392, TimeSpan.Zero);
}
