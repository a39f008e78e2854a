using System.Text.Json.Nodes;

namespace Collector.Worker.Tests.Hosting;

/// <summary>The runtime settings the collector executable ships with (Directory.Build.props, docs/benchmarks.md).</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void Collector_RunsWithoutTieredCompilation()
    {
        // The referenced executable's runtimeconfig is copied next to the tests, as it is next to collector.dll.
        var path = Path.Combine(AppContext.BaseDirectory, "collector.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.Runtime.TieredCompilation"]!.GetValue<bool>());
    }
}
