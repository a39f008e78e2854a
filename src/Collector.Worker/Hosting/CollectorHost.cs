using System.Collections;
using Collector.Worker.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collector.Worker.Hosting;

/// <summary>Builds the Generic Host every command runs in: layered settings, logging, and the service graph.</summary>
internal static class CollectorHost
{
    /// <param name="longRunning">
    /// The worker logs to standard output at Information; one-off commands keep standard output for their
    /// results and log warnings (or everything with --verbose) to standard error.
    /// </param>
    /// <param name="logSink">An extra log destination, e.g. a test's capture; it gets what the console gets.</param>
    public static HostApplicationBuilder CreateBuilder(CommandLineSettings cli, bool longRunning, ILoggerProvider? logSink = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddCollectorSources(cli, ReadEnvironment());

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(options =>
        {
            if (!longRunning)
            {
                options.LogToStandardErrorThreshold = LogLevel.Trace;
            }
        });
        if (logSink is not null)
        {
            builder.Logging.AddProvider(logSink);
        }

        builder.Logging.SetMinimumLevel(cli.Verbose ? LogLevel.Debug : longRunning ? LogLevel.Information : LogLevel.Warning);
        if (!cli.Verbose)
        {
            // HttpClient logs every request at Information and Polly every retry with a stack trace; the batch
            // failure that matters is logged once by the collection use case. --verbose shows them all.
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            builder.Logging.AddFilter("Polly", LogLevel.None);
            builder.Logging.AddFilter("Microsoft.Extensions.Http.Resilience", LogLevel.None);
        }

        builder.Services.AddCollector(builder.Configuration);
        return builder;
    }

    internal static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
