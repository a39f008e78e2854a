namespace Collector.Core.Platforms;

/// <summary>Why a platform request or one account in it failed. Stored by name in the database.</summary>
public enum PlatformErrorKind
{
    /// <summary>The handle or id does not exist.</summary>
    NotFound,

    /// <summary>The account is suspended, taken down or deactivated.</summary>
    Suspended,

    /// <summary>The account exists but its data is not public (protected/private).</summary>
    Protected,

    /// <summary>The credential is missing, invalid or refused (a configuration problem, not retried).</summary>
    Unauthorized,

    /// <summary>The platform asked us to slow down; retry at the reset time.</summary>
    RateLimited,

    /// <summary>The daily quota is spent (YouTube); retry after the quota resets.</summary>
    QuotaExceeded,

    /// <summary>The platform is down, timed out or the connection failed.</summary>
    Unavailable,

    /// <summary>The platform answered with something we cannot read (not JSON, wrong shape, absurd values).</summary>
    InvalidResponse,

    /// <summary>The platform has no credential configured; its accounts are skipped.</summary>
    NotConfigured,
}
