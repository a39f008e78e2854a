namespace Collector.Worker.Settings;

/// <summary>The global options that feed configuration (they win over every other source).</summary>
internal sealed record CommandLineSettings(string? SettingsFile, string? DatabasePath, string? WatchlistPath, bool Verbose)
{
    public IEnumerable<KeyValuePair<string, string?>> Overrides()
    {
        if (DatabasePath is not null)
        {
            yield return new($"{StorageOptions.Section}:Path", DatabasePath);
        }

        if (WatchlistPath is not null)
        {
            yield return new($"{WatchlistOptions.Section}:Path", WatchlistPath);
        }
    }
}
