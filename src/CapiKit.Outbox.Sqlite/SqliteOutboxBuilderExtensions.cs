using CapiKit.Outbox.Sqlite;

namespace CapiKit.Outbox;

/// <summary>Chooses SQLite as the outbox's store.</summary>
public static class SqliteOutboxBuilderExtensions
{
    /// <summary>
    /// Stores the outbox in a SQLite database: <c>outbox.UseSqlite("Data Source=capi.db")</c>. The tables are created
    /// or migrated on first use. One process per file.
    /// </summary>
    public static OutboxBuilder UseSqlite(this OutboxBuilder outbox, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        SqliteOutboxStore store = new(connectionString);
        return outbox.UseStore(_ => store);
    }
}
