using System.ComponentModel.DataAnnotations;

namespace Collector.Worker.Settings;

/// <summary>Section <c>Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/collector.db";
}
