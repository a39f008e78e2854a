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

    /// <summary>Sorts by version; insists on a first step 1 and unique versions (a duplicate would double-apply a
    /// step on some databases, so it fails at startup and in the tests instead). A gap is allowed: a number taken by
    /// a concurrent branch; the migrator records each applied step, so it runs that step when it arrives.</summary>
    internal static IReadOnlyList<Migration> InOrder(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(static m => m.Version).ToList();
        if (ordered.Count == 0)
        {
            throw new InvalidOperationException("No embedded migrations found (Migrations/*.sql must be EmbeddedResource).");
        }

        if (ordered[0].Version != 1)
        {
            throw new InvalidOperationException($"The first embedded migration must be number 1; found {ordered[0].Name}.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Embedded migrations must have unique numbers; {ordered[i - 1].Name} and {ordered[i].Name} share one.");
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
