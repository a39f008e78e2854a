using System.Globalization;

namespace Collector.Core.Watchlist;

/// <summary>Reads a <c>band:</c> mapping (all fields optional: it may be a partial override).</summary>
internal sealed class BandReader(ScalarReader scalars)
{
    private ProblemList Problems => scalars.Problems;

    public BandLayer Read(SourceNode node, string context)
    {
        if (NodeShapes.Mapping(node, WatchlistKeys.Band, Problems, "{ min_followers: 10000 }") is not { } mapping)
        {
            return BandLayer.Empty;
        }

        var entries = MappingReader.Read(mapping, WatchlistKeys.BandFields, $"in band{context}", Problems);
        return new BandLayer(
            Read(entries, WatchlistKeys.MinFollowers, ReadFollowers),
            Read(entries, WatchlistKeys.MaxFollowers, ReadFollowers),
            Read(entries, WatchlistKeys.MinEngagementRate, ReadEngagementRate),
            Read(entries, WatchlistKeys.ConfirmSnapshots, ReadConfirmSnapshots));
    }

    private static Setting<T>? Read<T>(Dictionary<string, SourceNode.Entry> entries, string key, Func<SourceNode, string, T?> read)
        where T : struct =>
        entries.TryGetValue(key, out var entry) && read(entry.Value, key) is { } value
            ? new Setting<T>(value, entry.Value.Start)
            : null;

    private long? ReadFollowers(SourceNode node, string name) => scalars.ReadWholeNumber(node, name, 0, long.MaxValue);

    private int? ReadConfirmSnapshots(SourceNode node, string name) =>
        (int?)scalars.ReadWholeNumber(node, name, 1, int.MaxValue);

    private double? ReadEngagementRate(SourceNode node, string name)
    {
        if (node is SourceNode.Scalar { IsPlain: true } scalar && AsPercentage(scalar.Value) is { } percent)
        {
            Problems.Add(node, $"{name} is a fraction, not a percentage: {FractionHint(percent)}");
            return null;
        }

        if (scalars.ReadNumber(node, name) is not { } rate)
        {
            return null;
        }

        if (rate < 0)
        {
            Problems.Add(node, $"{name} must not be negative; got {Format(rate)}");
            return null;
        }

        if (rate > 1)
        {
            // A rate above 1 (100 %) is almost certainly a percentage written as a number.
            var hint = rate <= 100 ? $" ({Format(rate)} would mean {Format(rate * 100)} %); {FractionHint(rate)}" : "";
            Problems.Add(node, $"{name} must be a fraction between 0 and 1; got {Format(rate)}{hint}");
            return null;
        }

        return rate;
    }

    private static double? AsPercentage(string text) =>
        text.EndsWith('%')
        && double.TryParse(text.TrimEnd('%').TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string FractionHint(double percent) => $"use {Format(percent / 100)} for {Format(percent)} %";

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
