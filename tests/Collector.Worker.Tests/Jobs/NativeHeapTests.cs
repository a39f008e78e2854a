using System.Runtime.InteropServices;
using Collector.Worker.Jobs;

namespace Collector.Worker.Tests.Jobs;

public sealed class NativeHeapTests
{
    [Fact]
    public void Trim_AfterFreeingBlocksBelowALiveOne_ReturnsThePagesWhereThereIsGlibc()
    {
        // Freed blocks below a live one cannot shrink the heap's top: only an explicit trim gives their pages back.
        var blocks = new IntPtr[2048];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(4096); // malloc on Unix
        }

        var fence = Marshal.AllocHGlobal(64);
        foreach (var block in blocks)
        {
            Marshal.FreeHGlobal(block);
        }

        var released = NativeHeap.Trim();
        Marshal.FreeHGlobal(fence);

        Assert.Equal(HasGlibc(), released);
    }

    private static bool HasGlibc()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return false;
        }

        var found = NativeLibrary.TryGetExport(libc, "malloc_trim", out _);
        NativeLibrary.Free(libc);
        return found;
    }
}
