using System.Globalization;

namespace Collector.TestKit.Fakes;

/// <summary>A user the fake X API knows. Null counters are left out of <c>public_metrics</c>.</summary>
/// <param name="Id">The numeric user id, as a string (X ids are strings on the wire).</param>
public sealed record FakeXAccount(string Id, string Username)
{
    public string? Name { get; init; }

    public long? Followers { get; init; } = 1200;

    public long? Following { get; init; } = 150;

    public long? Tweets { get; init; } = 340;

    public long? Listed { get; init; } = 3;

    /// <summary>Protected: still returned by user lookup (with <c>"protected": true</c>); its timeline is not authorized.</summary>
    public bool Protected { get; init; }

    /// <summary>Suspended: a "Forbidden" problem of type resource-not-found wherever the user is asked for.</summary>
    public bool Suspended { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = new(2013, 12, 14, 4, 35, 55, TimeSpan.Zero);

    /// <summary>Id <c>1500000000 + seed</c>, username <c>user{seed}</c>.</summary>
    public static FakeXAccount Numbered(int seed) =>
        new((1_500_000_000L + seed).ToString(CultureInfo.InvariantCulture), $"user{seed}");
}
