namespace Collector.TestKit.Fakes;

/// <summary>One request as a fake server received it.</summary>
/// <param name="RawTarget">The request target exactly as sent (path and still-escaped query), to assert on escaping.</param>
/// <param name="Query">The query as the server decoded it; repeated keys keep every value in order.</param>
/// <param name="ReceivedAt">On the server's clock (a FakeTimeProvider when the test passes one).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    DateTimeOffset ReceivedAt)
{
    public IReadOnlyList<string> QueryValues(string name) => Query.TryGetValue(name, out var values) ? values : [];

    public string? QueryValue(string name) => QueryValues(name) is [var first, ..] ? first : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
