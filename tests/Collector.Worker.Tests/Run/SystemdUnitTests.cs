namespace Collector.Worker.Tests.Run;

public sealed class SystemdUnitTests
{
    private static readonly string Unit = Repository.PathOf("config", "collector.service");

    [SystemdAnalyzeFact]
    public async Task Unit_PassesSystemdAnalyzeVerifyWithoutAWarning()
    {
        // verify exits 0 even for unknown keys or bad values; it only says so on its output.
        var (exitCode, output) = await RunAsync(SystemdAnalyzeFactAttribute.Tool, "verify", Unit);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output.Trim());
    }

    [Fact]
    public void Unit_IsANotifyServiceWithStateCacheCredentialsAndHardening_ButNotProtectProcInvisible()
    {
        var settings = File.ReadAllLines(Unit)
            .Where(static l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(static l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();
        string Single(string key) => Assert.Single(settings, s => s.Key == key).Value;

        Assert.Equal("notify", Single("Type"));
        Assert.EndsWith("/collector.dll run", Single("ExecStart"), StringComparison.Ordinal);
        Assert.Equal("collector", Single("StateDirectory"));
        Assert.Equal("collector", Single("CacheDirectory"));
        Assert.Contains(settings, static s => s.Key == "Environment" && s.Value == "COLLECTOR_STORAGE__PATH=%S/collector/collector.db");
        Assert.Contains(settings, static s => s.Key == "Environment" && s.Value == "COLLECTOR_HTTP__URLS=http://127.0.0.1:9464");
        Assert.Contains(settings, static s => s.Key == "LoadCredential" && s.Value == "Platforms__X__BearerToken");
        Assert.Equal("yes", Single("NoNewPrivileges"));
        Assert.Equal("strict", Single("ProtectSystem"));
        Assert.Equal("yes", Single("PrivateTmp"));
        Assert.Equal("on-failure", Single("Restart"));
        Assert.Equal("10s", Single("TimeoutStopSec"));
        Assert.DoesNotContain(settings, static s => s.Key == "ProtectProc");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
