using System.ComponentModel.DataAnnotations;

namespace Collector.Worker.Settings;

/// <summary>Section <c>Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/collector.db";

    /// <summary>
    /// Whole UTC days before today that keep every snapshot; older days are thinned by housekeeping to the last
    /// snapshot of each account per day. Null (the default) keeps everything.
    /// </summary>
    [Range(1, 36_500, ErrorMessage = "Storage:RetainRawDays must be between 1 and 36500 days (leave it out to keep every snapshot)")]
    public int? RetainRawDays { get; set; }
}
