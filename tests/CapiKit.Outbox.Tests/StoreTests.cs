using CapiKit.Outbox.PostgreSql;
using CapiKit.Outbox.Sqlite;
using CapiKit.Outbox.Storage;

namespace CapiKit.Outbox.Tests;

public sealed class SqliteStoreTests
{
    [Fact]
    public async Task Leases_expire_and_a_late_completion_is_ignored()
    {
        using SqliteFile file = new();
        await StoreContract.LeasesExpireAndLateCompletionsAreIgnoredAsync(new SqliteOutboxStore(file.ConnectionString));
    }

    [Fact]
    public async Task Failures_are_listed_and_requeued_and_delivered_rows_pruned()
    {
        using SqliteFile file = new();
        await StoreContract.FailuresAreListedRequeuedAndDeliveredRowsPrunedAsync(new SqliteOutboxStore(file.ConnectionString));
    }
}

public sealed class PostgresStoreTests
{
    [PostgresFact]
    public async Task Leases_expire_and_a_late_completion_is_ignored()
    {
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        await using PostgresOutboxStore store = new(database.ConnectionString);
        await StoreContract.LeasesExpireAndLateCompletionsAreIgnoredAsync(store);
    }

    [PostgresFact]
    public async Task Failures_are_listed_and_requeued_and_delivered_rows_pruned()
    {
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        await using PostgresOutboxStore store = new(database.ConnectionString);
        await StoreContract.FailuresAreListedRequeuedAndDeliveredRowsPrunedAsync(store);
    }

    [PostgresFact]
    public async Task Instances_migrating_and_claiming_at_once_share_one_schema_and_never_the_same_row()
    {
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        PostgresOutboxStore[] instances = [new(database.ConnectionString), new(database.ConnectionString), new(database.ConnectionString)];
        try
        {
            await Task.WhenAll(instances.Select(store => store.EnsureSchemaAsync(CancellationToken.None)));
            Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM capikit_outbox_schema"));
            await instances[0].AddAsync(StoreContract.Events("race", 3000), DateTimeOffset.UtcNow, CancellationToken.None);

            DateTimeOffset now = DateTimeOffset.UtcNow;
            List<long> all = [];
            for (int round = 0; round < 3; round++)
            {
                IReadOnlyList<ClaimedOutboxEvent>[] claims = await Task.WhenAll(instances.Select((store, i) =>
                    store.ClaimAsync($"w{i}", 400, now, now.AddMinutes(5), CancellationToken.None)));
                all.AddRange(claims.SelectMany(c => c.Select(e => e.Id)));
            }

            Assert.Equal(3000, all.Count);
            Assert.Equal(3000, all.Distinct().Count());
        }
        finally
        {
            foreach (PostgresOutboxStore store in instances)
            {
                await store.DisposeAsync();
            }
        }
    }
}
