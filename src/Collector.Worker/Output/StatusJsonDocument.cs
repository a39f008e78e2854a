using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Collector.Core.Storage;

namespace Collector.Worker.Output;

/// <summary>
/// The array <c>status --json</c> prints, filled in any order and printed in order. Each row is formatted as UTF-8 by
/// the thread that builds it (a <see cref="Part"/> per thread) and kept as those bytes, so rows are formatted while
/// their records are read, in the order the database numbered its entries, and printed in the watchlist's order
/// (docs/benchmarks.md, item 21). The bytes equal serializing the whole list through <see cref="CliJsonContext"/>.
/// </summary>
internal sealed class StatusJsonDocument : IDisposable
{
    /// <summary>Bytes copied to the output at a time.</summary>
    private const int OutputBytes = 256 * 1024;

    /// <summary>Bytes decoded at a time for a <see cref="TextWriter"/>.</summary>
    private const int DecodeBytes = 16 * 1024;

    private readonly Fragment[] _rows;
    private readonly ConcurrentBag<Part> _parts = [];

    public StatusJsonDocument(int count) => _rows = new Fragment[count];

    public int Count => _rows.Length;

    /// <summary>
    /// Reads every record and formats its account's row as it arrives, on the reading threads; then the rows of
    /// accounts the database has no record of.
    /// </summary>
    public static async Task<StatusJsonDocument> ReadAsync(IStatusReader reader, StatusRows rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(rows);
        var document = new StatusJsonDocument(rows.Count);
        try
        {
            await reader.ReadStatusAsync(document.NewPart, (part, record) =>
            {
                foreach (var (position, account) in rows.AccountsOf(record))
                {
                    part.Write(position, rows.Row(account, record));
                }
            }, cancellationToken);
            document.Complete(position => rows.Row(position, null));
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>A writer of rows for one thread at a time. The document owns it.</summary>
    public Part NewPart()
    {
        var part = new Part(this);
        _parts.Add(part);
        return part;
    }

    /// <summary>Formats every row not written yet with <paramref name="rowOf"/>, on every core.</summary>
    public void Complete(Func<int, StatusRow> rowOf)
    {
        ArgumentNullException.ThrowIfNull(rowOf);
        var ranges = Math.Clamp(Count / 1024, 1, Environment.ProcessorCount);
        var size = (Count / ranges) + 1;
        Parallel.For(0, ranges, range =>
        {
            Part? part = null;
            for (var index = range * size; index < Math.Min(Count, (range + 1) * size); index++)
            {
                if (_rows[index].Chunk is null)
                {
                    part ??= NewPart();
                    part.Write(index, rowOf(index));
                }
            }
        });
    }

    /// <summary>The array and a final line break, as <c>WriteLine(JsonSerializer.Serialize(rows))</c> printed it.</summary>
    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await WriteAsync((chunk, token) => output.WriteAsync(chunk, token), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <inheritdoc cref="WriteAsync(Stream, CancellationToken)"/>
    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(DecodeBytes)];
        await WriteAsync(async (chunk, token) =>
        {
            for (var start = 0; start < chunk.Length;)
            {
                var piece = chunk[start..Math.Min(chunk.Length, start + DecodeBytes)];
                var count = decoder.GetChars(piece.Span, chars, flush: false);
                await output.WriteAsync(chars.AsMemory(0, count), token);
                start += piece.Length;
            }
        }, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        while (_parts.TryTake(out var part))
        {
            part.Dispose();
        }
    }

    // "[", the rows joined by commas (each is its line break, indentation and object), a line break and "]": the
    // list's text, since each row was formatted as an element of an array.
    private async Task WriteAsync(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sink, CancellationToken cancellationToken)
    {
        var newLine = StatusJsonWriter.NewLine;
        if (Count == 0)
        {
            await sink("[]"u8.ToArray(), cancellationToken);
            await sink(newLine, cancellationToken);
            return;
        }

        var buffer = new byte[OutputBytes];
        var used = 0;
        buffer[used++] = (byte)'[';
        for (var index = 0; index < Count; index++)
        {
            var row = _rows[index].Memory;
            if (used + row.Length + 1 > buffer.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await sink(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
            }

            if (index > 0)
            {
                buffer[used++] = (byte)',';
            }

            if (row.Length > buffer.Length - used)
            {
                // A row larger than the buffer goes out as it is.
                await sink(buffer.AsMemory(0, used), cancellationToken);
                await sink(row, cancellationToken);
                used = 0;
                continue;
            }

            row.Span.CopyTo(buffer.AsSpan(used));
            used += row.Length;
        }

        await sink(buffer.AsMemory(0, used), cancellationToken);
        await sink(newLine, cancellationToken);
        await sink("]"u8.ToArray(), cancellationToken);
        await sink(newLine, cancellationToken);
    }

    /// <summary>One row's bytes, in a chunk of the part that formatted it.</summary>
    private readonly record struct Fragment(byte[] Chunk, int Start, int Length)
    {
        public ReadOnlyMemory<byte> Memory => Chunk is null
            ? throw new InvalidOperationException("A status row was printed before it was written.")
            : Chunk.AsMemory(Start, Length);
    }

    /// <summary>
    /// Formats rows into chunks of its own, as elements of one array, so each is indented as the whole list's would
    /// be. A row never spans two chunks: one that outgrows its chunk moves, whole, to the next.
    /// </summary>
    public sealed class Part : IBufferWriter<byte>, IDisposable
    {
        /// <summary>About 900 rows per chunk; allocated without zeroing, since every byte used is written first.</summary>
        private const int ChunkBytes = 1024 * 1024;

        private readonly StatusJsonDocument _document;
        private readonly Utf8JsonWriter _writer;
        private byte[] _chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
        private int _written;
        private int _rowStart;

        internal Part(StatusJsonDocument document)
        {
            _document = document;
            _writer = new Utf8JsonWriter(this, StatusJsonWriter.Options);
            _writer.WriteStartArray();
            _writer.Flush();
        }

        /// <summary>
        /// Formats <paramref name="row"/> as the document's row <paramref name="index"/>. Each index is written once:
        /// the database holds each (platform, watch key) once, and the watchlist lists each once.
        /// </summary>
        public void Write(int index, StatusRow row)
        {
            _rowStart = _written;
            StatusJsonWriter.WriteRow(_writer, row);
            _writer.Flush();

            // Every row of a part but its first starts with the comma between elements; the fragment is the row alone.
            var start = _chunk[_rowStart] == (byte)',' ? _rowStart + 1 : _rowStart;
            _document._rows[index] = new Fragment(_chunk, start, _written - start);
        }

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _chunk.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _chunk.AsSpan(_written);
        }

        public void Dispose() => _writer.Dispose();

        private void Reserve(int sizeHint)
        {
            if (_chunk.Length - _written >= Math.Max(sizeHint, 1))
            {
                return;
            }

            var row = _written - _rowStart;
            var next = GC.AllocateUninitializedArray<byte>(Math.Max(ChunkBytes, 2 * (row + sizeHint)));
            _chunk.AsSpan(_rowStart, row).CopyTo(next);
            (_chunk, _written, _rowStart) = (next, row, 0);
        }
    }
}
