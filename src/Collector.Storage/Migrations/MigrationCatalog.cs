using System.Globalization;
using System.Reflection;

namespace Collector.Storage.Migrations;

/// <summary>The migrations embedded in this assembly (Migrations/NNNN_name.sql), in version order.</summary>
internal static class MigrationCatalog
{
    private const string ResourcePrefix = "Collector.Storage.Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly) =>
        InOrder(assembly.GetManifestResourceNames()
            .Where(static name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name)));

    /// <summary>Sorts by version and insists on 1, 2, 3...: a gap or a duplicate would silently skip or
    /// double-apply a step on some databases, so it fails at startup (and in the tests) instead.</summary>
    internal static IReadOnlyList<Migration> InOrder(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(static m => m.Version).ToList();
        if (ordered.Count == 0)
        {
            throw new InvalidOperationException("No embedded migrations found (Migrations/*.sql must be EmbeddedResource).");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Embedded migrations must be numbered 1, 2, 3... without gaps; found {ordered[i].Name} at position {i + 1}.");
            }
        }

        return ordered;
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration resource '{resourceName}' is not named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
