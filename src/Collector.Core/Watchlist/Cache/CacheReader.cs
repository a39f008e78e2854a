using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// Reads the values <see cref="BinaryWriter"/> wrote into <see cref="DocumentWriter"/>'s layout, straight from the
/// file's bytes: strings can be compared where they lie instead of being allocated. Anything out of bounds throws
/// <see cref="InvalidDataException"/>.
/// </summary>
/// <remarks>
/// A short-lived command reads 100,000 entries once, all in code the runtime has not promoted yet: the small
/// methods are inlined into their optimized callers (<see cref="CachedAccounts"/>) and the loop is optimized itself.
/// </remarks>
internal sealed class CacheReader(byte[] bytes, int start, int end)
{
    public byte[] Bytes => bytes;

    public int Position { get; private set; } = start;

    public int End => end;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte() => Take(1)[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadBoolean() => ReadByte() != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double)));

    public string ReadString() => Text(ReadText());

    /// <summary>Where the next string's UTF-8 bytes lie, without decoding them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Start, int Length) ReadText()
    {
        var length = ReadCount();
        var start = Position;
        Take(length);
        return (start, length);
    }

    public string Text((int Start, int Length) text) => Encoding.UTF8.GetString(bytes, text.Start, text.Length);

    public ReadOnlySpan<byte> Utf8((int Start, int Length) text) => bytes.AsSpan(text.Start, text.Length);

    /// <summary>An index into a table of <paramref name="tableLength"/> items.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadIndex(int tableLength)
    {
        var index = ReadCount();
        if (index >= tableLength)
        {
            ThrowOutside(index, tableLength);
        }

        return index;
    }

    /// <summary>A non-negative 7-bit encoded integer, as <see cref="BinaryWriter.Write7BitEncodedInt(int)"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadCount()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value <= int.MaxValue ? (int)value : throw new InvalidDataException($"count {value} is out of range");
            }
        }

        throw new InvalidDataException("a 7-bit encoded integer runs over five bytes");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > end - Position)
        {
            ThrowPastEnd(count);
        }

        var span = bytes.AsSpan(Position, count);
        Position += count;
        return span;
    }

    private static void ThrowOutside(int index, int tableLength) =>
        throw new InvalidDataException($"index {index} is outside a table of {tableLength}");

    private void ThrowPastEnd(int count) =>
        throw new InvalidDataException($"{count} bytes at {Position} run past the end at {end}");
}
