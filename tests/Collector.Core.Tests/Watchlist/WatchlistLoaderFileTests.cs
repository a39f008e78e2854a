using System.Text;
using Collector.Core.Watchlist;

namespace Collector.Core.Tests.Watchlist;

public sealed class WatchlistLoaderFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("collector-watchlist-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_ValidFile_UsesThePathInTheDocument()
    {
        var path = Write("watchlist.yaml", Watchlists.SpecExample);

        var result = WatchlistLoader.Load(path);

        Assert.True(result.IsValid);
        Assert.Equal(path, result.Document!.Path);
        Assert.Equal(4, result.Document.Accounts.Count);
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotFound()
    {
        var path = Path.Combine(_directory.FullName, "absent.yaml");

        var result = WatchlistLoader.Load(path);

        Assert.Null(result.Document);
        Assert.Equal([$"{path}:1:1: file not found"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_Directory_ReportsThatItIsNotAFile()
    {
        var result = WatchlistLoader.Load(_directory.FullName);

        Assert.Equal([$"{_directory.FullName}:1:1: is a directory, not a watchlist file"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_EmptyFile_ReportsEmptyWatchlist()
    {
        var path = Write("empty.yaml", "");

        var result = WatchlistLoader.Load(path);

        Assert.Equal([$"{path}:1:1: the watchlist is empty; it needs at least an 'accounts:' list"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_InvalidUtf8_ReportsWhereTheBadByteIs()
    {
        var path = Path.Combine(_directory.FullName, "latin1.yaml");
        byte[] bytes = [.. Encoding.ASCII.GetBytes("accounts:\n  - x: caf"), 0xE9, .. "\n"u8];
        File.WriteAllBytes(path, bytes);

        var problem = Assert.Single(WatchlistLoader.Load(path).Problems);

        Assert.Equal($"{path}:2:11: the file is not valid UTF-8 (byte offset 20); save it as UTF-8", problem.ToString());
    }

    [Fact]
    public void Load_FileWithProblems_ReportsThemWithThePath()
    {
        var path = Write("bad.yaml", "accounts:\n  - x: jack\n  - x: Jack\n");

        var problem = Assert.Single(WatchlistLoader.Load(path).Problems);

        Assert.Equal($"{path}:3:8: duplicate account x:jack; it is already listed at line 2", problem.ToString());
    }

    [Fact]
    public void Load_Utf8WithByteOrderMark_KeepsColumnsOfTheFirstLine()
    {
        var path = Path.Combine(_directory.FullName, "bom.yaml");
        File.WriteAllText(path, "colour: red\naccounts: []\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var problem = Assert.Single(WatchlistLoader.Load(path).Problems);

        Assert.Equal((1, 1), (problem.Line, problem.Column));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
