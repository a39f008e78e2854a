namespace Collector.Storage.Migrations;

/// <summary>One forward-only schema step; <see cref="Version"/> is the user_version the database has after it.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
