using Collector.Core.Bands;

namespace Collector.Core.Watchlist.Cache;

/// <summary>
/// Writes a validated document for <see cref="DocumentReader"/>. Schedules, bands, tag lists and platform keys are
/// written once in tables and referred to by index: a large watchlist repeats a handful of them on every account.
/// </summary>
internal sealed class DocumentWriter(BinaryWriter output)
{
    private readonly IndexTable<string> _platforms = new(StringComparer.Ordinal);
    private readonly IndexTable<Schedule> _schedules = new();
    private readonly IndexTable<BandSettings> _bands = new();
    private readonly IndexTable<IReadOnlyList<string>> _tagLists = new(TagListComparer.Instance);

    public void Write(WatchlistDocument document)
    {
        // Indexed before anything is written: the reader needs the tables before the entries that point into them.
        var accounts = document.Accounts.Select(IndexAccount).ToList();
        var global = IndexDefaults(document.Global);
        var platforms = document.Platforms.Select(p => (p.Key, Defaults: IndexDefaults(p.Value))).ToList();

        WriteTable(_platforms.Values, output.Write);
        WriteTable(_schedules.Values, WriteSchedule);
        WriteTable(_bands.Values, WriteBand);
        WriteTable(_tagLists.Values, tags => WriteTable(tags, output.Write));

        WriteDefaults(global);
        WriteTable(platforms, platform =>
        {
            output.Write(platform.Key);
            WriteDefaults(platform.Defaults);
        });
        WriteTable(accounts, WriteAccount);
    }

    private (int Schedule, int EngagementPosts, int Band) IndexDefaults(PlatformDefaults defaults) =>
        (_schedules.IndexOf(defaults.Schedule), defaults.EngagementPosts, _bands.IndexOf(defaults.Band));

    private (WatchedAccount Account, int Platform, int Tags, int Schedule, int Band) IndexAccount(WatchedAccount account) =>
        (account, _platforms.IndexOf(account.Platform), _tagLists.IndexOf(account.Tags), _schedules.IndexOf(account.Schedule), _bands.IndexOf(account.Band));

    private void WriteAccount((WatchedAccount Account, int Platform, int Tags, int Schedule, int Band) entry)
    {
        var account = entry.Account;
        output.Write7BitEncodedInt(entry.Platform);
        output.Write(account.Handle);

        // Usually the key is the handle itself; the reader then shares one string for both.
        var keyIsHandle = string.Equals(account.Key, account.Handle, StringComparison.Ordinal);
        output.Write(keyIsHandle);
        if (!keyIsHandle)
        {
            output.Write(account.Key);
        }

        output.Write7BitEncodedInt(entry.Tags);
        output.Write7BitEncodedInt(entry.Schedule);
        output.Write7BitEncodedInt(account.EngagementPosts);
        output.Write7BitEncodedInt(entry.Band);
        output.Write(account.Note is not null);
        if (account.Note is not null)
        {
            output.Write(account.Note);
        }

        output.Write7BitEncodedInt(account.Line);
        output.Write7BitEncodedInt(account.Column);
    }

    private void WriteDefaults((int Schedule, int EngagementPosts, int Band) defaults)
    {
        output.Write7BitEncodedInt(defaults.Schedule);
        output.Write7BitEncodedInt(defaults.EngagementPosts);
        output.Write7BitEncodedInt(defaults.Band);
    }

    private void WriteSchedule(Schedule schedule)
    {
        switch (schedule)
        {
            case Schedule.Every every:
                output.Write(WatchlistCacheFormat.EverySchedule);
                output.Write(every.Interval.Ticks);
                break;
            case Schedule.Cron cron:
                output.Write(WatchlistCacheFormat.CronSchedule);
                output.Write(cron.Expression);
                break;
            default:
                throw new InvalidOperationException($"unknown schedule kind {schedule.GetType().Name}");
        }
    }

    private void WriteBand(BandSettings band)
    {
        output.Write(band.MinFollowers);
        output.Write(band.MaxFollowers);
        output.Write(band.MinEngagementRate);
        output.Write(band.ConfirmSnapshots);
    }

    private void WriteTable<T>(IReadOnlyList<T> items, Action<T> write)
    {
        output.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }}
