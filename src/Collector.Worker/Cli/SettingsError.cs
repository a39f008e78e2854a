using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Collector.Worker.Cli;

/// <summary>Turns failures while loading settings into one readable message (null: not a settings problem).</summary>
internal static class SettingsError
{
    public static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException validation => Format(validation.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(static e => e is OptionsValidationException) =>
            Format(aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(static e => e.Failures)),
        FileNotFoundException notFound => $"settings: file not found: {notFound.FileName}",
        InvalidDataException or JsonException or FormatException => $"settings: {ex.Message}",
        _ => null,
    };

    private static string Format(IEnumerable<string> failures) =>
        string.Join(Environment.NewLine, failures.Select(static f => $"settings: {f}"));
}
