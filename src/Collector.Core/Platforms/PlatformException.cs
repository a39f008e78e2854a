namespace Collector.Core.Platforms;

/// <summary>
/// A whole request failed (rate limited, unauthorized, unavailable, unreadable). Per-account outcomes
/// inside a successful response are returned as data instead. The message never contains a secret.
/// </summary>
public sealed class PlatformException : Exception
{
    public PlatformException(PlatformError error)
        : base(error.Message) => Error = error;

    public PlatformException(PlatformError error, Exception innerException)
        : base(error.Message, innerException) => Error = error;

    public PlatformException()
        : this(new PlatformError(PlatformErrorKind.Unavailable, "platform request failed"))
    {
    }

    public PlatformException(string message)
        : this(new PlatformError(PlatformErrorKind.Unavailable, message))
    {
    }

    public PlatformException(string message, Exception innerException)
        : this(new PlatformError(PlatformErrorKind.Unavailable, message), innerException)
    {
    }

    public PlatformError Error { get; }

    public PlatformErrorKind Kind => Error.Kind;
}
