using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// What a cached document depends on: the watchlist's bytes and the code that judged them (this assembly's rules,
/// the YAML parser, the runtime's text handling, and the caller's cron validator). Any change gives a new key, so a
/// new build never trusts what an older one validated.
/// </summary>
internal static class WatchlistCacheKey
{
    private static readonly string CoreIdentity = string.Join(
        '|',
        WatchlistCacheFormat.Version,
        typeof(WatchlistLoader).Assembly.ManifestModule.ModuleVersionId,
        typeof(Parser).Assembly.ManifestModule.ModuleVersionId,
        RuntimeInformation.FrameworkDescription);

    /// <param name="validatorIdentity">Identifies the cron validator's code (e.g. its assemblies' module version ids).</param>
    public static byte[] Compute(ReadOnlySpan<byte> content, string validatorIdentity)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{CoreIdentity}|{validatorIdentity}|"));
        hash.AppendData(SHA256.HashData(content));
        return hash.GetHashAndReset();
    }
}
