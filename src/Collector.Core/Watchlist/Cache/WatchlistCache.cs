using System.Security.Cryptography;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// Remembers the last valid watchlist in a binary file keyed by content, so the next load of the same bytes skips
/// YAML parsing and validation (hundreds of milliseconds for 100,000 accounts). The file is only a shortcut: when
/// it is missing, stale, damaged or cannot be written, the watchlist is parsed as if there were no cache, and an
/// invalid watchlist is never stored, so it keeps reporting its problems.
/// </summary>
/// <param name="file">Where the cache lives; its directory must exist (it is not created).</param>
/// <param name="validatorIdentity">Identifies the code behind the cron validator passed to <see cref="Load(string, Func{string, string?}?)"/>.</param>
internal sealed class WatchlistCache(string file, string validatorIdentity)
{
    public string FilePath => file;

    public WatchlistLoadResult Load(string path, Func<string, string?>? cronValidator) => Load(path, cronValidator, out _);

    public WatchlistLoadResult Load(string path, Func<string, string?>? cronValidator, out WatchlistCacheOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(path);

        // The size limit and strict UTF-8 apply as without a cache: the bytes are read once, through the same checks.
        if (WatchlistLoader.ReadFile(path, out var bytes) is { } problem)
        {
            outcome = WatchlistCacheOutcome.Invalid;
            return new WatchlistLoadResult(null, [problem]);
        }

        var key = WatchlistCacheKey.Compute(bytes, validatorIdentity);
        if (TryRead(key, path) is { } cached)
        {
            outcome = WatchlistCacheOutcome.Hit;
            return new WatchlistLoadResult(cached, []);
        }

        var result = WatchlistLoader.Parse(bytes, path, cronValidator);
        if (!result.IsValid)
        {
            outcome = WatchlistCacheOutcome.Invalid;
            return result;
        }

        // The document is handed out in the form a hit reads, whether or not the file could be written: a worker
        // holds its watchlist compactly either way (see CachedAccounts).
        var stored = Serialize(key, result.Document!);
        outcome = TryWrite(stored) ? WatchlistCacheOutcome.Stored : WatchlistCacheOutcome.NotStored;
        return new WatchlistLoadResult(Read(stored, path), []);
    }

    private static WatchlistDocument Read(byte[] stored, string path)
    {
        var reader = new CacheReader(stored, WatchlistCacheFormat.HeaderBytes, stored.Length - WatchlistCacheFormat.HashBytes);
        var document = new DocumentReader(reader).Read(path);
        return reader.Position == reader.End ? document : throw new InvalidDataException("bytes are left after the document");
    }

    private WatchlistDocument? TryRead(byte[] key, string path)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length > WatchlistCacheFormat.MaxFileBytes)
            {
                return null;
            }

            var bytes = System.IO.File.ReadAllBytes(file);
            if (!IsIntact(bytes, key))
            {
                return null;
            }

            return Read(bytes, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException
            or InvalidDataException or ArgumentException)
        {
            // The last two come from a file this version did not write (a value the domain types refuse).
            return null;
        }
    }

    private static bool IsIntact(byte[] bytes, byte[] key)
    {
        if (bytes.Length < WatchlistCacheFormat.HeaderBytes + WatchlistCacheFormat.HashBytes)
        {
            return false;
        }

        var body = bytes.AsSpan(0, bytes.Length - WatchlistCacheFormat.HashBytes);
        var magic = WatchlistCacheFormat.Magic;
        return body.StartsWith(magic)
            && BitConverter.ToInt32(body[magic.Length..]) == WatchlistCacheFormat.Version
            && body.Slice(magic.Length + sizeof(int), WatchlistCacheFormat.HashBytes).SequenceEqual(key)
            && SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length));
    }

    private static byte[] Serialize(byte[] key, WatchlistDocument document)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(WatchlistCacheFormat.Magic);
            writer.Write(WatchlistCacheFormat.Version);
            writer.Write(key);
            new DocumentWriter(writer).Write(document);
        }

        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        return buffer.ToArray();
    }

    private bool TryWrite(byte[] stored)
    {
        // Written beside the target and renamed over it, so a reader sees the old file or the new one, never half.
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(stored);
            }

            System.IO.File.Move(temporary, file, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the next successful write does not depend on it.
        }
    }
}
