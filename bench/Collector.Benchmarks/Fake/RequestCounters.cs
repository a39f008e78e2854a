using System.Text.Json;

namespace Collector.Benchmarks.Fake;

/// <summary>Lock-free per-endpoint request counts; the harness reads and resets them between rounds.</summary>
internal sealed class RequestCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<Endpoint>().Length];

    public void Add(Endpoint endpoint) => Interlocked.Increment(ref _counts[(int)endpoint]);

    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        foreach (var endpoint in Enum.GetValues<Endpoint>())
        {
            json.WriteNumber(endpoint.ToString(), Interlocked.Read(ref _counts[(int)endpoint]));
        }

        json.WriteEndObject();
    }
}
