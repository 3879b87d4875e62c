using CapiKit.Outbox.PostgreSql;

namespace CapiKit.Outbox;

/// <summary>Chooses PostgreSQL as the outbox's store.</summary>
public static class PostgresOutboxBuilderExtensions
{
    /// <summary>
    /// Stores the outbox in PostgreSQL: <c>outbox.UsePostgres(connectionString)</c>. Every instance that uses the same
    /// database shares the work; the tables are created or migrated on first use.
    /// </summary>
    public static OutboxBuilder UsePostgres(this OutboxBuilder outbox, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Created by the container, so the data source (its connection pool) is disposed with it.
        return outbox.UseStore(_ => new PostgresOutboxStore(connectionString));
    }
}
