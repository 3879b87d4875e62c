namespace CapiKit.Outbox.Sqlite;

/// <summary>
/// The outbox tables, as numbered migrations. Version N is applied once, in order, and recorded in
/// <c>capikit_outbox_schema</c>; a database at a newer version than this library knows is left alone. Times are Unix
/// milliseconds from the application's clock; <c>event_time</c> is Unix seconds as Meta reads it. See schema.md.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE capikit_outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id        TEXT,
                event_name      TEXT    NOT NULL,
                event_time      INTEGER NOT NULL,
                payload         BLOB    NOT NULL,
                state           INTEGER NOT NULL DEFAULT 0,
                attempts        INTEGER NOT NULL DEFAULT 0,
                enqueued_at     INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                claimed_by      TEXT,
                claimed_until   INTEGER,
                completed_at    INTEGER,
                fbtrace_id      TEXT,
                error_kind      TEXT,
                error_code      INTEGER,
                error_subcode   INTEGER,
                error_message   TEXT,
                diagnostic_id   TEXT
            )
            """,
            // The claim query reads pending rows in due order; claiming moves next_attempt_at to the lease's end.
            "CREATE INDEX capikit_outbox_due ON capikit_outbox (next_attempt_at, id) WHERE state = 0",
            "CREATE INDEX capikit_outbox_failed ON capikit_outbox (id) WHERE state = 2",
            "CREATE INDEX capikit_outbox_delivered ON capikit_outbox (completed_at) WHERE state = 1",
        ],
    ];
}
