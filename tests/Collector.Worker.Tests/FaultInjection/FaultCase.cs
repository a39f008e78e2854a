namespace Collector.Worker.Tests.FaultInjection;

/// <summary>The failures issue 7 asks every platform client to survive.</summary>
public enum FaultCase
{
    TooManyRequests,
    InternalServerError,
    ServiceUnavailable,
    HangPastTheAttemptTimeout,
    ConnectionReset,
    NotJson,
    TruncatedJson,
    WrongTypedField,
    TwentyMegabyteBody,
    MissingId,
    EmptyId,
    NegativeCount,
    CountAboveTenBillion,
}
