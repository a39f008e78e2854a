using Collector.Core.Collection;
using Collector.Core.Platforms;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.FaultInjection;

/// <summary>What a platform's server does for a <see cref="FaultCase"/>, and what the round must make of it.</summary>
/// <param name="Times">How many requests in a row get the fault: every attempt of one request, so none succeeds.</param>
/// <param name="Requests">How many requests the round may send in all: retries are bounded.</param>
/// <param name="MessagePart">What the recorded error must say, so an operator knows what happened.</param>
internal sealed record FaultExpectation(
    FakeFault Fault, int Times, CollectionOutcome Outcome, PlatformErrorKind Kind, int Requests, string MessagePart)
{
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    public static FaultExpectation For(FaultCase fault, PlatformRig rig, DateTimeOffset reset)
    {
        const int Retried = PlatformRig.AttemptsPerRequest;
        return fault switch
        {
            FaultCase.TooManyRequests => new(rig.TooManyRequests(reset), 1, CollectionOutcome.Deferred, PlatformErrorKind.RateLimited, 1, "HTTP 429"),
            FaultCase.InternalServerError => Unavailable(FakeFault.Status(500, """{"error":"InternalServerError"}"""), "HTTP 500"),
            FaultCase.ServiceUnavailable => Unavailable(FakeFault.Status(503, "<html>503 Service Unavailable</html>"), "HTTP 503"),
            FaultCase.HangPastTheAttemptTimeout => Unavailable(FakeFault.Delayed(TimeSpan.FromHours(1)), "timed out"),
            FaultCase.ConnectionReset => Unavailable(FakeFault.DroppedConnection(), "connection"),
            FaultCase.NotJson => Unreadable(Ok("<html><body>Bad gateway</body></html>") with { ContentType = "text/html" }, "unreadable JSON"),
            FaultCase.TruncatedJson => Unreadable(Ok("""{"data":[{"id":"1","na"""), "unreadable JSON"),
            FaultCase.WrongTypedField => Unreadable(Ok(rig.ProfileBody(rig.IdJson, "{\"value\":1}")), "unreadable JSON at $."),
            FaultCase.MissingId => Unreadable(Ok(rig.ProfileBody(null, "5")), "unreadable JSON"),
            FaultCase.EmptyId => Unreadable(Ok(rig.ProfileBody("\"\"", "5")), "no stable id"),
            FaultCase.NegativeCount => Unreadable(Ok(rig.ProfileBody(rig.IdJson, "-5")), "implausible"),
            FaultCase.CountAboveTenBillion => Unreadable(Ok(rig.ProfileBody(rig.IdJson, "20000000000")), "implausible"),
            FaultCase.TwentyMegabyteBody => Unreadable(Ok("{\"pad\":\"" + new string('a', TwentyMegabytes) + "\"}"), "byte cap"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };

        static FaultExpectation Unavailable(FakeFault fault, string message) =>
            new(fault, Retried, CollectionOutcome.Failed, PlatformErrorKind.Unavailable, Retried, message);

        // A body that cannot be read is not transient: one request, no retry.
        static FaultExpectation Unreadable(FakeFault fault, string message) =>
            new(fault, 1, CollectionOutcome.Failed, PlatformErrorKind.InvalidResponse, 1, message);

        static FakeFault Ok(string body) => FakeFault.Status(200, body);
    }
}
