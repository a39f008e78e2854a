using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collector.Worker.Tests.Run;

/// <summary>The final stage of the Dockerfile, read as far as the image-mirror test needs: ENV, USER, WORKDIR and commands.</summary>
internal sealed partial record DockerfileStage(
    IReadOnlyDictionary<string, string> Environment,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> HealthCheck,
    IReadOnlyList<string> Volumes,
    string? StopSignal)
{
    public static DockerfileStage Load(string path)
    {
        // Continuation lines joined, comments dropped, then everything after the last FROM.
        var text = ContinuationPattern().Replace(File.ReadAllText(path), " ");
        var lines = text.Split('\n').Select(static l => l.Trim()).Where(static l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stage = lines.Skip(lines.FindLastIndex(static l => l.StartsWith("FROM ", StringComparison.Ordinal)) + 1).ToList();

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stage.Where(static l => l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            foreach (var pair in line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                environment[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return new DockerfileStage(
            environment,
            Last(stage, "USER"),
            Last(stage, "WORKDIR"),
            Json(Last(stage, "ENTRYPOINT")),
            Json(Last(stage, "CMD")),
            Json(Last(stage, "HEALTHCHECK")[(Last(stage, "HEALTHCHECK").IndexOf("CMD ", StringComparison.Ordinal) + 4)..]),
            Json(Last(stage, "VOLUME")),
            stage.LastOrDefault(static l => l.StartsWith("STOPSIGNAL ", StringComparison.Ordinal))?[11..]);
    }

    private static string Last(List<string> stage, string instruction) =>
        stage.Last(l => l.StartsWith(instruction + " ", StringComparison.Ordinal))[(instruction.Length + 1)..].Trim();

    /// <summary>Exec form only: a shell form would need a shell (and its signal handling) in the image.</summary>
    private static string[] Json(string value) => JsonSerializer.Deserialize<string[]>(value)!;

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();
}
