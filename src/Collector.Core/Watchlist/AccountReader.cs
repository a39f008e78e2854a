using Collector.Core.Platforms;

namespace Collector.Core.Watchlist;

/// <summary>
/// Reads one item of <c>accounts:</c>: a mapping with exactly one platform key (its value is the
/// handle) plus optional tags, schedule, engagement_posts, band and note.
/// </summary>
internal sealed class AccountReader(ScalarReader scalars, SettingsLayerReader settings)
{
    private const string Example = "'- bluesky: alice.bsky.social'";

    private ProblemList Problems => scalars.Problems;

    /// <summary>
    /// The entry, or null without a usable platform key (the problem is reported). The other fields
    /// are read even when the handle is invalid, so their problems are reported in the same pass.
    /// </summary>
    public AccountDraft? Read(SourceNode item)
    {
        if (item is not SourceNode.Mapping mapping)
        {
            Problems.Add(item, NotAMapping(item));
            return null;
        }

        var hasPlatform = mapping.Entries.Any(e => e.Key is SourceNode.Scalar key && PlatformKeys.IsKnown(key.Value));
        var entries = MappingReader.Read(mapping, WatchlistKeys.AccountKeys, "in account", Problems, key => UnknownKey(key, hasPlatform));
        var platformMisspelt = mapping.Entries.Any(e => e.Key is SourceNode.Scalar { IsNull: false } key && MeantAsPlatform(key.Value));
        var platform = FindPlatform(mapping, entries, reportMissing: !platformMisspelt);
        var handleNode = platform is null ? mapping : entries[platform].Value;
        var handle = platform is null ? null : ReadHandle(platform, handleNode);

        var tags = entries.TryGetValue(WatchlistKeys.Tags, out var tagsEntry) ? ReadTags(tagsEntry.Value) : [];
        // The context only appears in band messages; building it for every account would be 100,000 strings.
        var context = !entries.ContainsKey(WatchlistKeys.Band) ? ""
            : handle is null ? " of this account"
            : $" of account {platform}:{handle}";
        var layer = settings.Read(entries, context);
        var note = entries.TryGetValue(WatchlistKeys.Note, out var noteEntry) ? scalars.ReadText(noteEntry.Value, WatchlistKeys.Note) : null;
        if (platform is null)
        {
            return null;
        }

        var key = handle is null ? null : HandleRules.NormalizeValid(platform, handle);
        return new AccountDraft(platform, handle, key, handleNode, tags, layer, note, mapping.Start);
    }

    /// <summary>The handle when it is valid on <paramref name="platform"/>; otherwise null (reported).</summary>
    private string? ReadHandle(string platform, SourceNode node)
    {
        if (scalars.ReadText(node, $"the {platform} handle") is not { } handle)
        {
            return null;
        }

        if (HandleRules.Validate(platform, handle) is { } problem)
        {
            Problems.Add(node, problem);
            return null;
        }

        return handle;
    }

    /// <param name="reportMissing">False when an unknown key was meant as the platform (already reported as such).</param>
    private string? FindPlatform(SourceNode.Mapping mapping, Dictionary<string, SourceNode.Entry> entries, bool reportMissing)
    {
        // In file order (the dictionary has none), so the second platform key is the one reported.
        var platformKeys = new List<SourceNode.Scalar>(1);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is SourceNode.Scalar key && PlatformKeys.IsKnown(key.Value)
                && ReferenceEquals(entries.GetValueOrDefault(key.Value)?.Key, key))
            {
                platformKeys.Add(key);
            }
        }

        if (platformKeys.Count == 0)
        {
            if (reportMissing)
            {
                Problems.Add(mapping, $"the account has no platform key; start it with one of {WatchlistKeys.KnownPlatforms}, e.g. {Example}");
            }

            return null;
        }

        if (platformKeys.Count > 1)
        {
            Problems.Add(platformKeys[1], $"an account has exactly one platform key; this one has '{platformKeys[0].Value}' and '{platformKeys[1].Value}' (make each account its own '- ' item)");
            return null;
        }

        return platformKeys[0].Value;
    }

    private IReadOnlyList<string> ReadTags(SourceNode node)
    {
        if (NodeShapes.Sequence(node, WatchlistKeys.Tags, Problems, "[dev, news]") is not { } list)
        {
            return [];
        }

        // Tags are a set: a repeated tag adds nothing, so it is dropped rather than reported.
        return [.. list.Items.Select(tag => scalars.ReadText(tag, "a tag")).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static string UnknownKey(string key, bool hasPlatform)
    {
        if (KeySuggestions.Closest(key, WatchlistKeys.AccountKeys) is { } match)
        {
            return $"unknown key '{DisplayText.Of(key)}' in account (did you mean '{match}'?)";
        }

        return hasPlatform
            ? $"unknown key '{DisplayText.Of(key)}' in account; besides the platform key, allowed keys are {string.Join(", ", WatchlistKeys.AccountOptions)}"
            : WatchlistKeys.UnknownPlatform(key, " in account");
    }

    /// <summary>An unknown key that is not a misspelt option ('tagz') stands where the platform should be.</summary>
    private static bool MeantAsPlatform(string key)
    {
        if (OrdinalList.Contains(WatchlistKeys.AccountKeys, key))
        {
            return false;
        }

        var match = KeySuggestions.Closest(key, WatchlistKeys.AccountKeys);
        return match is null || PlatformKeys.IsKnown(match);
    }

    private static string NotAMapping(SourceNode item)
    {
        // "- bluesky:alice.bsky.social" (no space after the colon) is one plain string in YAML.
        if (item is SourceNode.Scalar { IsNull: false } scalar
            && scalar.Value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
            && PlatformKeys.IsKnown(scalar.Value[..colon]))
        {
            return $"an account must be a mapping; put a space after the colon: '{scalar.Value[..colon]}: {DisplayText.Of(scalar.Value[(colon + 1)..])}'";
        }

        return $"an account must be a mapping with a platform key, e.g. {Example}; got {item.Kind}";
    }
}
