using Collector.Worker.Cli;

namespace Collector.Worker.Tests.Web;

public sealed class HealthCommandTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9464", "http://127.0.0.1:9464/healthz")]
    [InlineData("http://0.0.0.0:9464", "http://127.0.0.1:9464/healthz")]
    [InlineData("http://[::]:9464", "http://127.0.0.1:9464/healthz")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://localhost:9464/", "http://localhost:9464/healthz")]
    public void HealthTarget_ConnectsToThisMachineWhenTheListenAddressIsAWildcard(string listen, string expected)
    {
        Assert.Equal(new Uri(expected), HealthCommand.HealthTarget(listen));
    }

    [Fact]
    public async Task Health_WhenNothingAnswers_ExitsOne()
    {
        using var settings = new TempSettings("""{ "Http": { "Urls": "http://127.0.0.1:9" } }""");
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: false);

        var exit = await CollectorCli.RunAsync(["health", "--settings", settings.Path], console);

        Assert.Equal(ExitCodes.SomeAccountsFailed, exit);
        Assert.Contains("http://127.0.0.1:9/healthz", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenTheEndpointIsOff_ExitsTwo()
    {
        using var settings = new TempSettings("""{ "Http": { "Urls": "" } }""");
        var console = new CliConsole(new StringWriter(), new StringWriter(), Interactive: false);

        var exit = await CollectorCli.RunAsync(["health", "--settings", settings.Path], console);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exit);
        Assert.Contains("Http:Urls is empty", console.Error.ToString(), StringComparison.Ordinal);
    }

    private sealed class TempSettings : IDisposable
    {
        public TempSettings(string json)
        {
            Path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("collector-health-").FullName, "settings.json");
            File.WriteAllText(Path, json);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
