using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Collector.Benchmarks.Fake;
using Collector.Platforms.Bluesky;
using Collector.Platforms.X;

namespace Collector.Benchmarks.Micro;

/// <summary>
/// Reading one full profile answer into the clients' source-generated types: 25 Bluesky profiles (getProfiles) and
/// 100 X users (users lookup), the bodies the fake server sends.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1515", Justification = "BenchmarkDotNet only runs public benchmark types.")]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet benchmarks are instance methods.")]
public class ParsingBenchmarks
{
    private byte[] _bluesky = [];
    private byte[] _x = [];

    [GlobalSetup]
    public void Setup()
    {
        _bluesky = Write(json => BlueskyApi.Profiles(json, Enumerable.Range(0, 25)));
        _x = Write(json => XApi.Users(json, Enumerable.Range(0, 100)));
    }

    [Benchmark]
    public int BlueskyProfiles25() => JsonSerializer.Deserialize(_bluesky, BlueskyJsonContext.Default.ProfilesResponse)!.Profiles.Count;

    [Benchmark]
    public int XUsers100() => JsonSerializer.Deserialize(_x, XJsonContext.Default.UsersResponse)!.Data!.Count;

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            body(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
