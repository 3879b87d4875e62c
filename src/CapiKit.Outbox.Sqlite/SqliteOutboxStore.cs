using CapiKit.Outbox.Storage;
using Microsoft.Data.Sqlite;

namespace CapiKit.Outbox.Sqlite;

/// <summary>
/// The outbox in a SQLite file (Microsoft.Data.Sqlite), for one process: WAL journal, every write in an immediate
/// transaction, a lease per claim so events of a worker killed mid-batch come back when it ends. Several processes
/// on one file work but queue behind SQLite's single writer; use PostgreSQL for several instances.
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore
{
    private readonly string _connectionString;

    /// <summary>Uses the database of a connection string such as <c>Data Source=capi.db</c>.</summary>
    public SqliteOutboxStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Pooled connections: opening one per operation then costs nothing, and each operation stays short.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
    }

    /// <inheritdoc/>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // WAL lets readers (stats, listing failures) run beside the writer; it is a property of the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS capikit_outbox_schema (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        using SqliteCommand read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM capikit_outbox_schema");
        long current = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        for (int version = (int)current + 1; version <= SqliteSchema.Migrations.Length; version++)
        {
            foreach (string statement in SqliteSchema.Migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            using SqliteCommand record = Command(connection, transaction, "INSERT INTO capikit_outbox_schema (version) VALUES ($version)");
            record.Parameters.AddWithValue("$version", version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AddAsync(IReadOnlyList<NewOutboxEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand insert = Command(connection, transaction, """
            INSERT INTO capikit_outbox (event_id, event_name, event_time, payload, enqueued_at, next_attempt_at)
            VALUES ($event_id, $event_name, $event_time, $payload, $now, $now)
            """);
        SqliteParameter eventId = insert.Parameters.Add("$event_id", SqliteType.Text);
        SqliteParameter eventName = insert.Parameters.Add("$event_name", SqliteType.Text);
        SqliteParameter eventTime = insert.Parameters.Add("$event_time", SqliteType.Integer);
        SqliteParameter payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        foreach (NewOutboxEvent item in events)
        {
            eventId.Value = (object?)item.EventId ?? DBNull.Value;
            eventName.Value = item.EventName;
            eventTime.Value = item.EventTime;
            payload.Value = item.Payload.ToArray();
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClaimedOutboxEvent>> ClaimAsync(string workerId, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Claiming moves next_attempt_at to the lease's end: a claimed row is simply not due until the lease expires.
        using SqliteCommand claim = Command(connection, transaction, """
            UPDATE capikit_outbox
            SET claimed_by = $worker, claimed_until = $until, next_attempt_at = $until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM capikit_outbox
                WHERE state = 0 AND next_attempt_at <= $now
                ORDER BY next_attempt_at, id
                LIMIT $max)
            RETURNING id, payload, attempts
            """);
        claim.Parameters.AddWithValue("$worker", workerId);
        claim.Parameters.AddWithValue("$until", leaseUntil.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("$max", max);
        List<ClaimedOutboxEvent> claimed = [];
        await using (SqliteDataReader reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new ClaimedOutboxEvent(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt32(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        claimed.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <inheritdoc/>
    public async Task<int> CompleteAsync(string workerId, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand update = Command(connection, transaction, """
            UPDATE capikit_outbox
            SET state = $state, completed_at = $completed, fbtrace_id = COALESCE($trace, fbtrace_id),
                next_attempt_at = COALESCE($next, next_attempt_at), claimed_by = NULL, claimed_until = NULL,
                error_kind = $kind, error_code = $code, error_subcode = $subcode, error_message = $message, diagnostic_id = $diagnostic
            WHERE id = $id AND state = 0 AND claimed_by = $worker
            """);
        update.Parameters.AddWithValue("$worker", workerId);
        SqliteParameter id = update.Parameters.Add("$id", SqliteType.Integer);
        SqliteParameter[] values =
        [
            update.Parameters.Add("$state", SqliteType.Integer), update.Parameters.Add("$completed", SqliteType.Integer),
            update.Parameters.Add("$trace", SqliteType.Text), update.Parameters.Add("$next", SqliteType.Integer),
            update.Parameters.Add("$kind", SqliteType.Text), update.Parameters.Add("$code", SqliteType.Integer),
            update.Parameters.Add("$subcode", SqliteType.Integer), update.Parameters.Add("$message", SqliteType.Text),
            update.Parameters.Add("$diagnostic", SqliteType.Text),
        ];
        int changed = 0;
        foreach (OutboxCompletion completion in completions)
        {
            object?[] row = OutboxRows.CompletionValues(completion, now);
            for (int i = 0; i < values.Length; i++)
            {
                values[i].Value = row[i] ?? DBNull.Value;
            }

            foreach (long rowId in completion.Ids)
            {
                id.Value = rowId;
                changed += await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <inheritdoc/>
    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand stats = Command(connection, null, "SELECT COUNT(*), MIN(enqueued_at) FROM capikit_outbox WHERE state = 0");
        await using SqliteDataReader reader = await stats.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxStats(reader.GetInt64(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FailedOutboxEvent>> ListFailedAsync(int limit, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand list = Command(connection, null, $"SELECT {OutboxRows.FailedColumns} FROM capikit_outbox WHERE state = 2 ORDER BY id LIMIT $limit");
        list.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await OutboxRows.ReadFailedAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> RequeueFailedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteTransaction transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand requeue = Command(connection, transaction, """
            UPDATE capikit_outbox
            SET state = 0, attempts = 0, next_attempt_at = $now, completed_at = NULL, claimed_by = NULL, claimed_until = NULL,
                error_kind = NULL, error_code = NULL, error_subcode = NULL, error_message = NULL, diagnostic_id = NULL
            WHERE id = $id AND state = 2
            """);
        requeue.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        SqliteParameter id = requeue.Parameters.Add("$id", SqliteType.Integer);
        int changed = 0;
        foreach (long rowId in ids)
        {
            id.Value = rowId;
            changed += await requeue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <inheritdoc/>
    public async Task<int> PruneDeliveredAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand prune = Command(connection, null, "DELETE FROM capikit_outbox WHERE state = 1 AND completed_at < $before");
        prune.Parameters.AddWithValue("$before", completedBefore.ToUnixTimeMilliseconds());
        return await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this library's constants; values go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using SqliteCommand command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
