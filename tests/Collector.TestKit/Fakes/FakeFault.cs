namespace Collector.TestKit.Fakes;

/// <summary>
/// What a fake server does instead of (or before) its normal answer: a status with body and headers, a delay, a
/// dropped connection. Queue it with <see cref="FakeHttpServer.InjectFault"/>.
/// </summary>
public sealed record FakeFault
{
    /// <summary>The status to answer with; null means "after <see cref="Delay"/>, answer normally".</summary>
    public int? StatusCode { get; init; }

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waited on the server's clock before answering, so a FakeTimeProvider controls it.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>False sends the body chunked, without Content-Length, as a streaming server would.</summary>
    public bool SendContentLength { get; init; } = true;

    /// <summary>Drops the connection without an answer (the client sees a network error).</summary>
    public bool AbortConnection { get; init; }

    public static FakeFault Status(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = statusCode, Body = body, Headers = headers ?? new Dictionary<string, string>() };

    public static FakeFault Delayed(TimeSpan delay) => new() { Delay = delay };

    public static FakeFault DroppedConnection() => new() { AbortConnection = true };
}
