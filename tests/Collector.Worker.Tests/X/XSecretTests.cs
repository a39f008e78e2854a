using System.Globalization;
using System.Text;
using Collector.TestKit.Fakes;

namespace Collector.Worker.Tests.X;

/// <summary>
/// SPEC "Settings": secrets never appear in logs, the database, command output or exceptions. Each test passes the
/// token the way operators do, proves it was used (the fake saw it), then searches everything the runs printed (logs at
/// --verbose included) and the database files, byte for byte, for the token and for its distinctive middle part.
/// </summary>
public sealed class XSecretTests
{
    private static readonly DateTimeOffset Recently = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TokenFromTheEnvironment_IsUsed_AndNeverShown()
    {
        await using var work = await XWorkspace.StartAsync();
        var (token, marker) = NewToken();
        work.XServer.BearerToken = token;
        ArrangeVariedAccounts(work);
        work.WriteSettings(bearerToken: null);
        var environment = new Dictionary<string, string> { ["COLLECTOR_PLATFORMS__X__BEARERTOKEN"] = token };

        var runs = new List<CollectorRun>
        {
            await work.RunAsync(environment, "collect", "--verbose"),
            await work.RunAsync(environment, "status", "--json", "--verbose"),
            await work.RunAsync(environment, "status"),
            await work.RunAsync(environment, "validate", "--verbose"),
        };

        Assert.True(runs[0].ExitCode == 1, runs[0].ToString());
        Assert.All(work.XServer.Requests, r => Assert.Equal("Bearer " + token, r.Header("Authorization")));
        Assert.True(work.XServer.Requests.Count >= 2, "the token was hardly used");

        // The verbose run logged the HTTP traffic, so a token in a request log would have been caught.
        Assert.Contains("/2/users/by", runs[0].Error, StringComparison.Ordinal);
        AssertNowhere(work, runs, token, marker);
    }

    [Fact]
    public async Task TokenFromACredentialsDirectory_WithATrailingNewline_IsUsedExactly_AndNeverShown()
    {
        await using var work = await XWorkspace.StartAsync();
        var (token, marker) = NewToken();
        work.XServer.BearerToken = token;
        var alice = work.XServer.AddAccount(FakeXAccount.Numbered(1));
        work.WriteWatchlist(5, $"x: {alice.Username}");
        work.WriteSettings(bearerToken: null);
        var credentials = Directory.CreateDirectory(Path.Combine(work.Directory, "credentials"));
        await File.WriteAllTextAsync(Path.Combine(credentials.FullName, "Platforms__X__BearerToken"), token + "\n");
        var environment = new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials.FullName };

        var collect = await work.RunAsync(environment, "collect", "--verbose");

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Equal("Bearer " + token, work.XServer.Requests[0].Header("Authorization"));
        AssertNowhere(work, [collect], token, marker);
    }

    [Fact]
    public async Task ARefusedTokenFromTheSettingsFile_IsNeverShown_InTheErrorsItCauses()
    {
        await using var work = await XWorkspace.StartAsync();
        var (token, marker) = NewToken();
        ArrangeVariedAccounts(work);
        work.WriteSettings(token);

        var runs = new List<CollectorRun>
        {
            await work.RunAsync(null, "collect", "--verbose"),
            await work.RunAsync(null, "status", "--json"),
        };

        Assert.True(runs[0].ExitCode == 1, runs[0].ToString());
        Assert.Equal("Bearer " + token, Assert.Single(work.XServer.Requests).Header("Authorization"));
        Assert.Contains("Unauthorized", runs[1].Output, StringComparison.Ordinal);
        AssertNowhere(work, runs, token, marker);
    }

    [Fact]
    public async Task AMalformedToken_IsASettingsError_ThatNamesTheKeyButNotTheValue()
    {
        await using var work = await XWorkspace.StartAsync();
        var (token, marker) = NewToken();
        work.WriteWatchlist(0, "x: XDevelopers");
        work.WriteSettings(bearerToken: null);
        var pasted = "Bearer " + token;
        var environment = new Dictionary<string, string> { ["COLLECTOR_PLATFORMS__X__BEARERTOKEN"] = pasted };

        var validate = await work.RunAsync(environment, "validate");

        Assert.True(validate.ExitCode == 2, validate.ToString());
        Assert.Contains("BearerToken must be visible ASCII without spaces", validate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, validate.Everything, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, validate.Everything, StringComparison.Ordinal);
        Assert.Empty(work.XServer.Requests);
    }

    /// <summary>A token shaped like X's (URL-encoded) with a unique marker, to find even a partial leak.</summary>
    private static (string Token, string Marker) NewToken()
    {
        var marker = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        return ($"AAAAAAAAAAAAAAAAAAAAA{marker}%2Fq%3DAbCdEf", marker);
    }

    /// <summary>Accounts that exercise every error path: found with posts, protected, suspended, unknown.</summary>
    private static void ArrangeVariedAccounts(XWorkspace work)
    {
        var alice = work.XServer.AddAccount(FakeXAccount.Numbered(1));
        work.XServer.AddPost(alice.Id, new FakeXPost("11", Recently));
        var locked = work.XServer.AddAccount(FakeXAccount.Numbered(2) with { Protected = true });
        var banned = work.XServer.AddAccount(FakeXAccount.Numbered(3) with { Suspended = true });
        work.WriteWatchlist(5, $"x: {alice.Username}", $"x: {locked.Username}", $"x: {banned.Username}", "x: nobody_here");
    }

    private static void AssertNowhere(XWorkspace work, IReadOnlyList<CollectorRun> runs, string token, string marker)
    {
        foreach (var run in runs)
        {
            Assert.DoesNotContain(token, run.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, run.Everything, StringComparison.Ordinal);
        }

        var database = work.DatabaseBytes();
        Assert.True(database.Length > 0, "no database to search");
        Assert.Equal(-1, database.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
        Assert.Equal(-1, database.AsSpan().IndexOf(Encoding.Unicode.GetBytes(marker)));
    }
}
