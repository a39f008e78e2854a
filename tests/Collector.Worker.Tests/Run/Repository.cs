namespace Collector.Worker.Tests.Run;

/// <summary>Paths in the source tree and the build output the tests run against.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>collector</c> app as built next to these tests (same configuration and framework).</summary>
    public static string CollectorDll
    {
        get
        {
            // tests/Collector.Worker.Tests/bin/<Configuration>/<TargetFramework>/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(Root, "src", "Collector.Worker", "bin", output.Parent!.Name, output.Name, "collector.dll");
            Assert.True(File.Exists(path), $"build the worker first: {path} is missing");
            return path;
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Collector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Collector.sln not found above " + AppContext.BaseDirectory);
    }
}
