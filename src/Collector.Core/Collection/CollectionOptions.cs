using System.ComponentModel.DataAnnotations;

namespace Collector.Core.Collection;

/// <summary>Settings of the collection use case (section <c>Collection</c>).</summary>
public sealed class CollectionOptions
{
    public const string Section = "Collection";

    /// <summary>
    /// Requests in flight per platform at most, all its batches and overlapping rounds together (profile lookups,
    /// handle resolution and posts reads alike). Small by default: the APIs are shared and rate limited.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;
}
