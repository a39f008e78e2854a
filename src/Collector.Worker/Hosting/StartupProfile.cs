using System.Runtime;

namespace Collector.Worker.Hosting;

/// <summary>
/// Multicore JIT for every command (<see cref="ProfileOptimization"/>): a run records which methods it compiled, and
/// the next run of the same command compiles them ahead on another core while the first one starts up
/// (docs/benchmarks.md, item 19). The profiles live in the cache directory (systemd's <c>CacheDirectory=</c> for the
/// service, else the XDG one); without one, or when it cannot be created, a command simply runs without a profile.
/// The runtime ignores a profile written by another build or form (build output or ReadyToRun) and overwrites it.
/// </summary>
internal static class StartupProfile
{
    /// <summary>Each verb has its own profile; no verb at all runs the worker (<c>run</c>). Kept equal to the CLI's.</summary>
    internal static readonly IReadOnlyList<string> Verbs =
        ["run", "collect", "validate", "status", "flags", "history", "export", "backup", "housekeeping", "health"];

    /// <summary>Asking for help or the version runs no command; its few methods would replace the worker's profile.</summary>
    private static readonly string[] InfoOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>Starts recording (and replaying) the profile of the command in <paramref name="args"/>.</summary>
    public static void Start(IReadOnlyList<string> args)
    {
        if (FileName(args) is not { } fileName || DirectoryFrom(Environment.GetEnvironmentVariable) is not { } directory)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile(fileName);
    }

    /// <summary>
    /// <c>$CACHE_DIRECTORY</c> as systemd sets it for the service, else <c>collector</c> under <c>$XDG_CACHE_HOME</c>
    /// or <c>~/.cache</c> (relative paths are ignored, as the XDG specification says); null when there is none.
    /// </summary>
    internal static string? DirectoryFrom(Func<string, string?> environment)
    {
        if (Absolute(environment("CACHE_DIRECTORY")?.Split(':')[0]) is { } systemd)
        {
            return systemd;
        }

        if (Absolute(environment("XDG_CACHE_HOME")) is { } xdg)
        {
            return Path.Combine(xdg, "collector");
        }

        return Absolute(environment("HOME")) is { } home ? Path.Combine(home, ".cache", "collector") : null;
    }

    /// <summary>
    /// The profile of the first argument that names a verb (options may come before it), else of <c>run</c>; null
    /// when the arguments ask for help or the version.
    /// </summary>
    internal static string? FileName(IReadOnlyList<string> args) =>
        args.Any(static a => InfoOptions.Contains(a, StringComparer.Ordinal))
            ? null
            : (args.FirstOrDefault(static a => Verbs.Contains(a, StringComparer.Ordinal)) ?? "run") + ".jitprofile";

    private static string? Absolute(string? path) => path is { Length: > 0 } && Path.IsPathRooted(path) ? path : null;
}
