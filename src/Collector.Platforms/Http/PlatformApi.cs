using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Collector.Core.Platforms;

namespace Collector.Platforms.Http;

/// <summary>
/// Sends one GET through the platform's typed HttpClient (gate, retries, timeouts, breaker) and reads the answer:
/// a successful body is streamed into a source-generated type under the size cap; an unsuccessful one is mapped by
/// status and the platform's error-body reader. Every failure that is not per-account is a <see cref="PlatformException"/>.
/// </summary>
internal sealed class PlatformApi(HttpClient http, PlatformHttpProfile profile, PlatformHttpOptions options, TimeProvider time)
{
    // Error bodies are small; reading more than this only wastes memory on an HTML error page.
    private const int ErrorBodyLimit = 16 * 1024;

    /// <param name="relativeUri">Relative to the client's base address, or absolute (Mastodon's per-instance hosts).</param>
    /// <param name="headers">
    /// Per-request headers, e.g. a credential that belongs to one host only (a Mastodon instance's token) and so must
    /// not be a default header of the shared client. Header values never appear in errors or logs.
    /// </param>
    public async Task<ApiResponse<T>> GetJsonAsync<T>(
        string relativeUri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var target = new Uri(relativeUri, UriKind.RelativeOrAbsolute);
        var path = SafeText.PathOf(http.BaseAddress is { } root && !target.IsAbsoluteUri ? new Uri(root, target) : target);

        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        headers?.Invoke(request.Headers);
        HttpResponseMessage response;
        try
        {
            // Headers only: the body is read below, under the size cap, instead of being buffered by HttpClient.
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is not PlatformException
            && HttpErrorMapper.FromException(profile.Name, path, ex, time.GetUtcNow(), cancellationToken) is { } error)
        {
            throw new PlatformException(error, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var secrets = RequestSecrets.Of(request, http.DefaultRequestHeaders);
                return new ApiResponse<T>(null, await ReadErrorAsync(response, path, secrets, cancellationToken));
            }

            return new ApiResponse<T>(await ReadJsonAsync(response, typeInfo, path, cancellationToken), null);
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string path, CancellationToken cancellationToken)
        where T : class
    {
        var max = options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"response of {length} bytes exceeds the {max}-byte cap"));
        }

        // The pipeline's timeouts end when the headers arrive; the body gets its own, on the same clock.
        using var bodyTimeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
        var body = new SizeLimitedStream(await response.Content.ReadAsStreamAsync(linked.Token), max);
        await using (body)
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(body, typeInfo, linked.Token)
                    ?? throw Invalid(path, "response body is JSON null");
            }
            catch (InvalidDataException) when (body.LimitExceeded)
            {
                throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"response exceeds the {max}-byte cap"));
            }
            catch (JsonException ex)
            {
                // JsonException names the JSON path and position, never the values, so it is safe to keep as inner.
                throw Invalid(path, $"unreadable JSON at {ex.Path ?? "$"}", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PlatformException(new PlatformError(PlatformErrorKind.Unavailable, $"{profile.Name} {path}: timed out reading the response"), ex);
            }
            catch (IOException ex)
            {
                throw new PlatformException(new PlatformError(PlatformErrorKind.Unavailable, $"{profile.Name} {path}: connection lost reading the response"), ex);
            }
        }
    }

    private async Task<ApiError> ReadErrorAsync(
        HttpResponseMessage response, string path, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var bytes = RequestSecrets.Redact(await ReadErrorBodyAsync(response, cancellationToken), secrets);
        var body = profile.ErrorBodies.Read(status, bytes);
        var retryAt = RateLimitHeaders.RequestedRetryAt(response, profile.Dialect, time.GetUtcNow());
        return new ApiError(status, body?.Code, HttpErrorMapper.FromStatus(profile.Name, path, status, body, retryAt));
    }

    /// <summary>At most <see cref="ErrorBodyLimit"/> bytes; a body that cannot be read is just an empty body.</summary>
    private async Task<byte[]> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var bodyTimeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            var buffer = new byte[ErrorBodyLimit];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), linked.Token)) > 0)
            {
                filled += read;
            }

            return buffer[..filled];
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }

    private PlatformException Invalid(string path, string reason, Exception? inner = null)
    {
        var error = new PlatformError(PlatformErrorKind.InvalidResponse, SafeText.Clip($"{profile.Name} {path}: {reason}"));
        return inner is null ? new PlatformException(error) : new PlatformException(error, inner);
    }
}
