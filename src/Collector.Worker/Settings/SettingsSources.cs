using Microsoft.Extensions.Configuration;

namespace Collector.Worker.Settings;

/// <summary>
/// Builds the layered configuration of SPEC "Settings": config/appsettings.json, then --settings FILE, then
/// COLLECTOR_ environment variables, then one file per secret, then the command line's --db/--watchlist.
/// </summary>
internal static class SettingsSources
{
    public const string EnvironmentPrefix = "COLLECTOR_";
    public const string DefaultSettingsFile = "config/appsettings.json";

    public static void AddCollectorSources(this IConfigurationBuilder builder, CommandLineSettings cli, IReadOnlyDictionary<string, string?> environment)
    {
        builder.AddJsonFile(Path.GetFullPath(DefaultSettingsFile), optional: true, reloadOnChange: false);
        if (cli.SettingsFile is { } settingsFile)
        {
            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (SecretsDirectory(environment) is { } secrets)
        {
            // systemd LoadCredential / Docker secrets: file name = key with "__" between levels.
            builder.AddKeyPerFile(secrets, optional: true);
        }

        builder.AddInMemoryCollection(cli.Overrides());
    }

    public static string? SecretsDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials && Directory.Exists(credentials))
        {
            return credentials;
        }

        return Directory.Exists("/run/secrets") ? "/run/secrets" : null;
    }
}
