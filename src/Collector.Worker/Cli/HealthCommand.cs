using System.CommandLine;
using System.Net;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Collector.Worker.Web;
using Microsoft.Extensions.Configuration;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector health</c>: asks the running worker's <c>/healthz</c> on <c>Http:Urls</c> and exits 0 when it is
/// serving (200), 1 otherwise. It is the container's HEALTHCHECK, so the image needs no curl; it reads only the
/// settings, never the watchlist or the database.
/// </summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var command = new Command("health", "Ask the running worker's /healthz; exit 0 when it is serving (for container health checks)");
        command.SetAction((result, token) => RunAsync(global.Read(result), console, token));
        return command;
    }

    private static async Task<int> RunAsync(CommandLineSettings cli, CliConsole console, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder();
        HttpEndpointOptions options;
        try
        {
            configuration.AddCollectorSources(cli, CollectorHost.ReadEnvironment());
            options = configuration.Build().GetSection(HttpEndpointOptions.Section).Get<HttpEndpointOptions>() ?? new HttpEndpointOptions();
        }
        catch (Exception ex) when (SettingsError.Describe(ex) is { } message)
        {
            await console.Error.WriteLineAsync(message);
            return ExitCodes.UsageOrConfiguration;
        }

        if (options.Parsed() is not [var url, ..])
        {
            await console.Error.WriteLineAsync("health: the endpoint is off (Http:Urls is empty)");
            return ExitCodes.UsageOrConfiguration;
        }

        var target = HealthTarget(url);
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(target, cancellationToken);
            await console.Out.WriteLineAsync(await response.Content.ReadAsStringAsync(cancellationToken));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return ExitCodes.Success;
            }

            await console.Error.WriteLineAsync($"health: {target} answered {(int)response.StatusCode}");
            return ExitCodes.SomeAccountsFailed;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await console.Error.WriteLineAsync($"health: {target}: {ex.Message}");
            return ExitCodes.SomeAccountsFailed;
        }
    }

    /// <summary>The listen URL as a place to connect to: a wildcard host means "this machine".</summary>
    internal static Uri HealthTarget(string listenUrl)
    {
        var builder = new UriBuilder(listenUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = "/healthz";
        return builder.Uri;
    }
}
