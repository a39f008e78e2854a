using System.CommandLine;
using Collector.Worker.Hosting;
using Collector.Worker.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Cli;

/// <summary>
/// <c>collector run</c> (also no verb at all): the worker, until SIGTERM or SIGINT. System.CommandLine turns those
/// signals into the action's token and waits up to its ProcessTerminationTimeout for the action to return; the token
/// stops the host, whose own shutdown budget (<see cref="WorkerRegistration.ShutdownBudget"/>) is shorter, so the
/// process ends by returning, not by being cut off.
/// </summary>
internal static class RunCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var command = new Command("run", "Run the worker: collect on the watchlist's schedules, reload it on change, serve /healthz and /metrics");
        command.SetAction((result, token) => RunAsync(global.Read(result), console, token));
        return command;
    }

    public static async Task<int> RunAsync(CommandLineSettings cli, CliConsole console, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = WorkerHost.CreateBuilder(cli).Build();
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (SettingsError.Describe(ex) is { } message)
        {
            await console.Error.WriteLineAsync(message);
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            var problems = await WorkerHost.PrepareAsync(host.Services, cancellationToken);
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            if (problems.Count > 0)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success; // stopped while starting
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Quartz.SchedulerException)
        {
            // The host has logged the details; an address already in use is the usual cause.
            await console.Error.WriteLineAsync($"run: the worker could not start: {ex.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
