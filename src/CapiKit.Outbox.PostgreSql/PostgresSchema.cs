namespace CapiKit.Outbox.PostgreSql;

/// <summary>
/// The outbox tables, as numbered migrations applied once each, in order, under a transaction-scoped advisory lock so
/// that instances starting together do not race; recorded in <c>capikit_outbox_schema</c>. Times are Unix
/// milliseconds from the application's clock (never the server's <c>now()</c>). See schema.md.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key of schema changes (any constant; this one spells "capi").</summary>
    public const long MigrationLock = 0x63617069;

    public static readonly string[][] Migrations =
    [
        [
            """
            CREATE TABLE capikit_outbox (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id        text,
                event_name      text     NOT NULL,
                event_time      bigint   NOT NULL,
                payload         bytea    NOT NULL,
                state           smallint NOT NULL DEFAULT 0,
                attempts        integer  NOT NULL DEFAULT 0,
                enqueued_at     bigint   NOT NULL,
                next_attempt_at bigint   NOT NULL,
                claimed_by      text,
                claimed_until   bigint,
                completed_at    bigint,
                fbtrace_id      text,
                error_kind      text,
                error_code      integer,
                error_subcode   integer,
                error_message   text,
                diagnostic_id   text
            )
            """,
            // The claim query reads pending rows in due order; claiming moves next_attempt_at to the lease's end.
            "CREATE INDEX capikit_outbox_due ON capikit_outbox (next_attempt_at, id) WHERE state = 0",
            "CREATE INDEX capikit_outbox_failed ON capikit_outbox (id) WHERE state = 2",
            "CREATE INDEX capikit_outbox_delivered ON capikit_outbox (completed_at) WHERE state = 1",
        ],
    ];
}
