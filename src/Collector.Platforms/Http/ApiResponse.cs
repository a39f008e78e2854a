using Collector.Core.Platforms;

namespace Collector.Platforms.Http;

/// <summary>
/// The parsed body of a successful response, or the mapped error of an unsuccessful one. Transport failures and
/// unreadable bodies are not here: they are thrown as <see cref="PlatformException"/> by <see cref="PlatformApi"/>.
/// </summary>
internal sealed record ApiResponse<T>(T? Value, ApiError? Error)
    where T : class
{
    /// <summary>
    /// The value, or throws the error. For requests about several accounts an account-level kind (not found,
    /// suspended) cannot be pinned on any one of them, so it is reported as InvalidResponse instead.
    /// </summary>
    public T GetValueOrThrow()
    {
        if (Error is null)
        {
            return Value!;
        }

        var error = Error.Error.IsAccountLevel ? Error.Error with { Kind = PlatformErrorKind.InvalidResponse } : Error.Error;
        throw new PlatformException(error);
    }
}
