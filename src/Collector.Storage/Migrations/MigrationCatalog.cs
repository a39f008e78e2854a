using System.Globalization;
using System.Reflection;

namespace Collector.Storage.Migrations;

/// <summary>The migrations embedded in this assembly (Migrations/NNNN_name.sql), in version order.</summary>
internal static class MigrationCatalog
{
    private const string ResourcePrefix = "Collector.Storage.Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly);

    public static int LatestVersion => All[^1].Version;

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(static name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(static m => m.Version)
            .ToList();

        // A gap or a duplicate would silently skip or double-apply a step on some databases: fail the build's tests instead.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Embedded migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Name} at position {i + 1}.");
            }
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("No embedded migrations found (Migrations/*.sql must be EmbeddedResource).");
        }

        return migrations;
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
