using Collector.Core.Platforms;
using Collector.Platforms.Http;

namespace Collector.Platforms.X;

/// <summary>
/// Makes a refused bearer token cost one request and one error. Until X has accepted the token once, requests go one
/// at a time, so concurrent batches at the start of a round do not each send the bad token; once X refuses it (401,
/// or 403 for an app without API access), every request fails at once with that same error for
/// <see cref="RefusalMemory"/>. After that the next request asks again: the token cannot change without a restart,
/// but X has been known to answer 401 during incidents, and a later round should not stay blocked by one.
/// Shared by every <see cref="XClient"/> instance (singleton).
/// </summary>
internal sealed class XCredentialGate(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefusalMemory = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private readonly Lock _lock = new();
    private bool _accepted;
    private PlatformError? _refusal;
    private DateTimeOffset _refusedAt;

    public async Task<ApiResponse<T>> SendAsync<T>(Func<Task<ApiResponse<T>>> send, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(send);
        ThrowIfRefused();
        if (IsAccepted())
        {
            return Observe(await send());
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            // The request ahead of this one may just have been refused.
            ThrowIfRefused();
            return Observe(await send());
        }
        finally
        {
            _probe.Release();
        }
    }

    public void Dispose() => _probe.Dispose();

    private bool IsAccepted()
    {
        lock (_lock)
        {
            return _accepted;
        }
    }

    private void ThrowIfRefused()
    {
        lock (_lock)
        {
            if (_refusal is null)
            {
                return;
            }

            if (time.GetUtcNow() - _refusedAt < RefusalMemory)
            {
                throw new PlatformException(_refusal);
            }

            _refusal = null;
        }
    }

    private ApiResponse<T> Observe<T>(ApiResponse<T> response)
        where T : class
    {
        lock (_lock)
        {
            if (response.Error is { Error.Kind: PlatformErrorKind.Unauthorized } refused)
            {
                _accepted = false;
                _refusal = refused.Error;
                _refusedAt = time.GetUtcNow();
            }
            else if (response.Error is null or { StatusCode: < 500 })
            {
                // A rate limit or a bad parameter still means X knew the app: only a server error proves nothing.
                _accepted = true;
            }
        }

        return response;
    }
}
