using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.Run;

/// <summary>
/// No container engine runs here, so this mirrors the image: the Dockerfile's final stage is read, its /app, /config
/// and /data are laid out under a temporary root, and the built app runs with the stage's ENV, WORKDIR, user and
/// commands. (scripts/image-smoke.sh does the same with a Release publish.)
/// </summary>
public sealed class ImageMirrorTests
{
    /// <summary>APP_UID of the mcr.microsoft.com/dotnet/aspnet images: the non-root "app" user.</summary>
    private const int AppUid = 1654;

    [Fact]
    public async Task Image_RunsAsNonRootWithItsPathsAndEnvironment_AndItsHealthCheckPasses()
    {
        var stage = DockerfileStage.Load(Repository.PathOf("Dockerfile"));
        Assert.Equal("$APP_UID", stage.User);
        Assert.Equal(["dotnet", "/app/collector.dll"], stage.Entrypoint);
        Assert.Equal(["run"], stage.Command);
        Assert.Equal(["dotnet", "/app/collector.dll", "health"], stage.HealthCheck);
        Assert.Equal(["/data"], stage.Volumes);
        Assert.Equal("SIGTERM", stage.StopSignal);

        await using var bluesky = new FakeBluesky();
        await bluesky.StartAsync();
        var root = Directory.CreateTempSubdirectory("collector-image-");
        try
        {
            var asUser = Environment.UserName == "root" ? AppUid : (int?)null;
            var (environment, workingDirectory) = await LayOutAsync(stage, root.FullName, asUser, bluesky.BaseAddress);

            // `dotnet /app/collector.dll` is the app built next to these tests; the arguments are the image's.
            await using var worker = CollectorProcess.Start(stage.Command, environment, workingDirectory, asUser);
            var health = stage.HealthCheck.Skip(2).ToList();
            var answer = (ExitCode: -1, Output: string.Empty);
            try
            {
                await Eventually.HoldsAsync(
                    async () => (answer = await CollectorProcess.RunAsync(health, environment, workingDirectory, asUser)).ExitCode == 0,
                    "the HEALTHCHECK command succeeds");
            }
            catch (Xunit.Sdk.FailException)
            {
                Assert.Fail($"health: {answer.ExitCode} {answer.Output}\nworker:\n{string.Join('\n', worker.Output)}");
            }

            using var report = JsonDocument.Parse(answer.Output);
            Assert.True(report.RootElement.GetProperty("serving").GetBoolean());
            var database = Path.Combine(root.FullName, "data", "collector.db");
            Assert.True(File.Exists(database));
            if (asUser is { } uid)
            {
                Assert.Equal(uid.ToString(System.Globalization.CultureInfo.InvariantCulture), (await CommandAsync("stat", "-c", "%u", database)).Trim());
            }

            await worker.SignalAsync("TERM");
            Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>/config and /data under <paramref name="root"/>, owned as in the image; the stage's ENV mapped onto them.</summary>
    private static async Task<(Dictionary<string, string> Environment, string WorkingDirectory)> LayOutAsync(
        DockerfileStage stage, string root, int? asUser, Uri bluesky)
    {
        var config = Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        File.Copy(Repository.PathOf("config", "watchlist.yaml"), Path.Combine(config, "watchlist.yaml"));
        File.Copy(Repository.PathOf("config", "appsettings.json"), Path.Combine(config, "appsettings.json"));
        if (asUser is { } uid)
        {
            await CommandAsync("chmod", "755", root);
            await CommandAsync("chown", uid.ToString(System.Globalization.CultureInfo.InvariantCulture), data);
        }

        // 9464 may be taken by another worker on this machine: same address, another port.
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = stage.Environment.ToDictionary(
            static e => e.Key, e => Mirror(e.Value, root).Replace(":9464", ":" + port, StringComparison.Ordinal));
        Assert.Equal(Path.Combine(data, "collector.db"), environment["COLLECTOR_STORAGE__PATH"]);
        Assert.Equal(Path.Combine(config, "watchlist.yaml"), environment["COLLECTOR_WATCHLIST__PATH"]);
        Assert.StartsWith("http://0.0.0.0:", environment["COLLECTOR_HTTP__URLS"], StringComparison.Ordinal);

        // The one deviation from the image: the watchlist's accounts are looked up on a fake, never on Bluesky.
        environment["COLLECTOR_PLATFORMS__BLUESKY__BASEURL"] = bluesky.ToString();
        return (environment, Path.Combine(root, stage.WorkingDirectory.TrimStart('/')));
    }

    private static string Mirror(string value, string root) =>
        value.StartsWith("/data", StringComparison.Ordinal) || value.StartsWith("/config", StringComparison.Ordinal) ? root + value : value;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> CommandAsync(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
