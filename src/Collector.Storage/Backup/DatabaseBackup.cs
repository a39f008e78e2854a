using System.Globalization;
using Collector.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Collector.Storage.Backup;

/// <summary>
/// <c>collector backup FILE</c>: a consistent copy of the live database made with SQLite's online backup API, safe
/// while the worker writes. The copy is written to a temporary file next to the target, verified with
/// <c>PRAGMA integrity_check</c>, and only then renamed into place, so FILE is either the previous file or a whole,
/// checked backup, never half of one.
/// </summary>
internal sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
    /// <summary>Why <paramref name="target"/> cannot be used (a usage problem), or null when it can.</summary>
    public string? CheckTarget(string target, bool overwrite)
    {
        var path = Path.GetFullPath(target);
        var database = connections.DatabasePath;
        if (path == database || path == database + "-wal" || path == database + "-shm")
        {
            return $"backup: {target} is the database itself; choose another file";
        }

        if (!File.Exists(database))
        {
            return $"backup: database {database} does not exist";
        }

        if (Directory.Exists(path))
        {
            return $"backup: {target} is a directory; name the backup file";
        }

        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            return $"backup: directory of {target} does not exist";
        }

        return File.Exists(path) && !overwrite ? $"backup: {target} already exists; pass --force to replace it" : null;
    }

    /// <exception cref="ArgumentException">The target is unusable (see <see cref="CheckTarget"/>).</exception>
    /// <exception cref="StorageException">Reading the database or writing the copy failed, or the copy is not intact.</exception>
    /// <exception cref="IOException">The verified copy could not be moved into place (or the target appeared meanwhile).</exception>
    public async Task<BackupResult> BackupAsync(string target, bool overwrite, CancellationToken cancellationToken)
    {
        if (CheckTarget(target, overwrite) is { } problem)
        {
            throw new ArgumentException(problem, nameof(target));
        }

        var path = Path.GetFullPath(target);

        // Hidden and uniquely named in the target's directory: the final rename stays on one file system (atomic),
        // and a crash leaves a stray temp file rather than a truncated FILE.
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            var snapshots = await CopyAndVerifyAsync(temporary, path, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, path, overwrite);
            return new BackupResult(path, new FileInfo(path).Length, snapshots);
        }
        finally
        {
            DeleteLeftovers(temporary);
        }
    }

    private async Task<long?> CopyAndVerifyAsync(string temporary, string target, CancellationToken cancellationToken)
    {
        // Which file an error is about, for the message: the copy step can fail on either side.
        var subject = temporary;
        try
        {
            // Not pooled: the file must be closed (and its journal gone) before it is renamed.
            var destinationString = new SqliteConnectionStringBuilder
            {
                DataSource = temporary,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString();
            await using var destination = new SqliteConnection(destinationString);
            await destination.OpenAsync(cancellationToken);

            subject = connections.DatabasePath;
            await using (var source = await connections.OpenAsync(cancellationToken))
            {
                subject = $"copying {connections.DatabasePath} to {target}";

                // One step over all pages: the source keeps one read transaction for the whole copy, so the copy is
                // the database as of one commit. In WAL mode that read does not block the worker's writes (they go
                // to the WAL), and the backup does not restart when they commit.
                source.BackupDatabase(destination);
            }

            subject = temporary;
            await VerifyAsync(destination, cancellationToken);
            return await CountSnapshotsAsync(destination, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteErrors.IsEnvironmental(ex))
        {
            throw SqliteErrors.ToStorageException(ex, subject);
        }
    }

    private async Task VerifyAsync(SqliteConnection destination, CancellationToken cancellationToken)
    {
        await using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var problems = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex) when (SqliteErrors.KindOf(ex) == StorageErrorKind.Corrupt)
        {
            // Damage bad enough that the check itself stops is the same verdict.
            problems = [ex.Message];
        }

        if (problems is not ["ok"])
        {
            // The pages are copied as they are, so a damaged copy almost always means a damaged database.
            throw new StorageException(
                StorageErrorKind.Corrupt,
                $"backup copy failed its integrity check, so it was not kept; {connections.DatabasePath} itself is " +
                $"probably damaged (check it with PRAGMA integrity_check): {string.Join("; ", problems.Take(5))}");
        }
    }

    /// <summary>For the operator's confirmation; null for a file that has no collector schema yet.</summary>
    private static async Task<long?> CountSnapshotsAsync(SqliteConnection destination, CancellationToken cancellationToken)
    {
        await using var command = destination.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'snapshots';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.CommandText = "SELECT count(*) FROM snapshots;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void DeleteLeftovers(string temporary)
    {
        foreach (var leftover in (string[])[temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"])
        {
            File.Delete(leftover);
        }
    }
}
