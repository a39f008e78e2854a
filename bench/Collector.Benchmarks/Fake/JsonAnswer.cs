using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Collector.Benchmarks.Fake;

/// <summary>
/// Writes a JSON answer with a Content-Length, built with <see cref="Utf8JsonWriter"/>: the fake must spend as little
/// CPU as it can, because it shares the machine's cores with the process being measured.
/// </summary>
internal static class JsonAnswer
{
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            body(json);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string name, string message) =>
        WriteAsync(context, status, json =>
        {
            json.WriteStartObject();
            json.WriteString(name, message);
            json.WriteEndObject();
        });

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
