using CapiKit.Outbox.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CapiKit.Outbox.PostgreSql;

/// <summary>
/// The outbox in PostgreSQL (Npgsql), shared by any number of instances: each claims a batch with
/// <c>SELECT ... FOR UPDATE SKIP LOCKED</c>, so instances never wait on each other's rows, and holds it for a lease
/// (the row's due time moves to the lease's end), so a batch of an instance that dies is sent by another afterwards.
/// </summary>
public sealed class PostgresOutboxStore : IOutboxStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Uses the database of a connection string (<c>Host=...;Database=...;Username=...</c>).</summary>
    public PostgresOutboxStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (NpgsqlCommand wait = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)"))
        {
            wait.Parameters.AddWithValue("key", PostgresSchema.MigrationLock);
            await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS capikit_outbox_schema (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
        int current;
        await using (NpgsqlCommand read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM capikit_outbox_schema"))
        {
            current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        for (int version = current + 1; version <= PostgresSchema.Migrations.Length; version++)
        {
            foreach (string statement in PostgresSchema.Migrations[version - 1])
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await using NpgsqlCommand record = Command(connection, transaction, "INSERT INTO capikit_outbox_schema (version) VALUES (@version)");
            record.Parameters.AddWithValue("version", version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AddAsync(IReadOnlyList<NewOutboxEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        // One statement for the lot: arrays unnested server-side, one round trip, atomic.
        await using NpgsqlCommand insert = _dataSource.CreateCommand("""
            INSERT INTO capikit_outbox (event_id, event_name, event_time, payload, enqueued_at, next_attempt_at)
            SELECT e.event_id, e.event_name, e.event_time, e.payload, @now, @now
            FROM unnest(@event_ids, @event_names, @event_times, @payloads) AS e(event_id, event_name, event_time, payload)
            """);
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]>("event_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = events.Select(e => e.EventName).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("event_times", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = events.Select(e => e.EventTime).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = events.Select(e => e.Payload.ToArray()).ToArray() });
        insert.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClaimedOutboxEvent>> ClaimAsync(string workerId, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: rows another instance is claiming right now are passed over, not waited for.
        await using NpgsqlCommand claim = _dataSource.CreateCommand("""
            WITH due AS (
                SELECT id FROM capikit_outbox
                WHERE state = 0 AND next_attempt_at <= @now
                ORDER BY next_attempt_at, id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE capikit_outbox o
            SET claimed_by = @worker, claimed_until = @until, next_attempt_at = @until, attempts = o.attempts + 1
            FROM due
            WHERE o.id = due.id
            RETURNING o.id, o.payload, o.attempts
            """);
        claim.Parameters.AddWithValue("worker", workerId);
        claim.Parameters.AddWithValue("until", leaseUntil.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        claim.Parameters.AddWithValue("max", max);
        List<ClaimedOutboxEvent> claimed = [];
        await using (NpgsqlDataReader reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new ClaimedOutboxEvent(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt32(2)));
            }
        }

        claimed.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <inheritdoc/>
    public async Task<int> CompleteAsync(string workerId, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int changed = 0;
        foreach (OutboxCompletion completion in completions)
        {
            object?[] row = OutboxRows.CompletionValues(completion, now);
            await using NpgsqlCommand update = Command(connection, transaction, """
                UPDATE capikit_outbox
                SET state = @state, completed_at = @completed, fbtrace_id = COALESCE(@trace, fbtrace_id),
                    next_attempt_at = COALESCE(@next, next_attempt_at), claimed_by = NULL, claimed_until = NULL,
                    error_kind = @kind, error_code = @code, error_subcode = @subcode, error_message = @message, diagnostic_id = @diagnostic
                WHERE id = ANY(@ids) AND state = 0 AND claimed_by = @worker
                """);
            update.Parameters.AddWithValue("ids", completion.Ids.ToArray());
            update.Parameters.AddWithValue("worker", workerId);
            update.Parameters.Add(new NpgsqlParameter<short>("state", (short)(int)row[0]!));
            update.Parameters.Add(Nullable("completed", NpgsqlDbType.Bigint, row[1]));
            update.Parameters.Add(Nullable("trace", NpgsqlDbType.Text, row[2]));
            update.Parameters.Add(Nullable("next", NpgsqlDbType.Bigint, row[3]));
            update.Parameters.Add(Nullable("kind", NpgsqlDbType.Text, row[4]));
            update.Parameters.Add(Nullable("code", NpgsqlDbType.Integer, row[5]));
            update.Parameters.Add(Nullable("subcode", NpgsqlDbType.Integer, row[6]));
            update.Parameters.Add(Nullable("message", NpgsqlDbType.Text, row[7]));
            update.Parameters.Add(Nullable("diagnostic", NpgsqlDbType.Text, row[8]));
            changed += await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <inheritdoc/>
    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand stats = _dataSource.CreateCommand("SELECT COUNT(*), MIN(enqueued_at) FROM capikit_outbox WHERE state = 0");
        await using NpgsqlDataReader reader = await stats.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxStats(reader.GetInt64(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FailedOutboxEvent>> ListFailedAsync(int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand list = _dataSource.CreateCommand($"SELECT {OutboxRows.FailedColumns} FROM capikit_outbox WHERE state = 2 ORDER BY id LIMIT @limit");
        list.Parameters.AddWithValue("limit", limit);
        await using NpgsqlDataReader reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await OutboxRows.ReadFailedAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> RequeueFailedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using NpgsqlCommand requeue = _dataSource.CreateCommand("""
            UPDATE capikit_outbox
            SET state = 0, attempts = 0, next_attempt_at = @now, completed_at = NULL, claimed_by = NULL, claimed_until = NULL,
                error_kind = NULL, error_code = NULL, error_subcode = NULL, error_message = NULL, diagnostic_id = NULL
            WHERE id = ANY(@ids) AND state = 2
            """);
        requeue.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        requeue.Parameters.AddWithValue("ids", ids.ToArray());
        return await requeue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> PruneDeliveredAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand prune = _dataSource.CreateCommand("DELETE FROM capikit_outbox WHERE state = 1 AND completed_at < @before");
        prune.Parameters.AddWithValue("before", completedBefore.ToUnixTimeMilliseconds());
        return await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql) =>
#pragma warning disable CA2100 // The SQL is this library's constants; values go in parameters.
        new(sql, connection, transaction);
#pragma warning restore CA2100

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
