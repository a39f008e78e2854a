using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>Validates one watchlist text and resolves effective settings: account over platform over global.</summary>
internal sealed class WatchlistReader
{
    private readonly string _file;
    private readonly ProblemList _problems;
    private readonly SettingsLayerReader _settings;
    private readonly AccountListReader _accounts;

    public WatchlistReader(string file, Func<string, string?>? cronValidator)
    {
        _file = file;
        _problems = new ProblemList(file);
        var scalars = new ScalarReader(_problems);
        _settings = new SettingsLayerReader(scalars, cronValidator);
        _accounts = new AccountListReader(new AccountReader(scalars, _settings), _problems);
    }

    public WatchlistLoadResult Read(string text)
    {
        var document = ReadDocument(text);
        return _problems.Count == 0 && document is not null
            ? new WatchlistLoadResult(document, [])
            : new WatchlistLoadResult(null, _problems.ToList());
    }

    private WatchlistDocument? ReadDocument(string text)
    {
        var root = new SourceTreeBuilder(_problems).Build(text);
        if (root is null or SourceNode.Scalar { IsNull: true })
        {
            if (_problems.Count == 0)
            {
                _problems.Add(root?.Start ?? SourcePosition.FileStart, "the watchlist is empty; it needs at least an 'accounts:' list");
            }

            return null;
        }

        if (root is not SourceNode.Mapping mapping)
        {
            _problems.Add(root, $"the watchlist must be a mapping with keys such as schedule, band, platforms and accounts; got {root.Kind}");
            return null;
        }

        var entries = MappingReader.Read(mapping, WatchlistKeys.TopLevel, "at the top level", _problems);
        var global = ResolvedSettings.Defaults.Apply(_settings.Read(entries, ""), _problems);
        var overrides = entries.TryGetValue(WatchlistKeys.Platforms, out var platformsEntry)
            ? new PlatformsReader(_settings, _problems).Read(platformsEntry.Value)
            : [];
        var platforms = PlatformKeys.All.ToDictionary(
            platform => platform,
            platform => global.Apply(overrides.GetValueOrDefault(platform, SettingsLayer.Empty), _problems),
            StringComparer.Ordinal);

        if (!entries.TryGetValue(WatchlistKeys.Accounts, out var accountsEntry))
        {
            _problems.Add(mapping, "the watchlist has no 'accounts:' list (write 'accounts: []' to watch nothing)");
            return null;
        }

        var accounts = _accounts.Read(accountsEntry.Value, platforms);
        return new WatchlistDocument(
            _file,
            global.ToDefaults(),
            platforms.ToDictionary(p => p.Key, p => p.Value.ToDefaults(), StringComparer.Ordinal),
            accounts);
    }
}
