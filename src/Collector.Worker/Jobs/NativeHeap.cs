using System.Runtime.InteropServices;

namespace Collector.Worker.Jobs;

/// <summary>
/// The C library's heap (SQLite, the runtime's own native allocations, the JIT's scratch memory). glibc keeps what a
/// round freed in its arenas instead of giving it back to the operating system: after a 100,000-account round, about
/// 7 MB of free pages stayed resident until <c>malloc_trim</c> returned them (docs/benchmarks.md, memory).
/// </summary>
internal static class NativeHeap
{
    /// <summary>
    /// Returns the free pages of every glibc arena to the operating system. A no-op (false) where there is no glibc:
    /// other operating systems, and musl (Alpine), which has no <c>malloc_trim</c>.
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    // glibc's soname; musl has no libc.so.6, so there the call fails to load and Trim reports false.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
