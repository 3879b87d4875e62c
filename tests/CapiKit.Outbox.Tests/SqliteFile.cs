using Microsoft.Data.Sqlite;

namespace CapiKit.Outbox.Tests;

/// <summary>A SQLite database file in the temp folder, deleted with its WAL files afterwards.</summary>
internal sealed class SqliteFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"capikit-outbox-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public List<(string? EventId, int State)> Rows()
    {
        using SqliteConnection connection = new(ConnectionString);
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, state FROM capikit_outbox";
        using SqliteDataReader reader = command.ExecuteReader();
        List<(string?, int)> rows = [];
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1)));
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
