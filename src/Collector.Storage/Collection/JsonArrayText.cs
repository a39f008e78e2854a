using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Collector.Storage.Collection;

/// <summary>
/// Builds the JSON array of strings a statement reads with json_each: one parameter for a whole batch instead of a
/// statement per row.
/// </summary>
internal sealed class JsonArrayText : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public JsonArrayText()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartArray();
    }

    public void Add(string value) => _writer.WriteStringValue(value);

    /// <summary>Closes the array and returns it; nothing can be added after.</summary>
    public string Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
