using System.Globalization;
using CapiKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CapiKit.Outbox.Benchmarks;

/// <summary>
/// An app with an outbox on a store (a temp SQLite file, or a fresh database on the server named by
/// <c>CAPIKIT_TEST_POSTGRES</c>), delivering to an emulator on loopback that answers at once.
/// </summary>
public sealed class OutboxRig : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Func<Task> _cleanup;
    private IHostedService[] _started = [];
    private int _next;

    private OutboxRig(ConversionsApiEmulator emulator, ServiceProvider provider, Func<Task> cleanup)
    {
        Emulator = emulator;
        _provider = provider;
        _cleanup = cleanup;
        Outbox = provider.GetRequiredService<IConversionsOutbox>();
    }

    public ConversionsApiEmulator Emulator { get; }

    public IConversionsOutbox Outbox { get; }

    public static async Task<OutboxRig> StartAsync(string store)
    {
        ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        Func<Task> cleanup;
        string connection;
        if (store == "postgres")
        {
            string server = Environment.GetEnvironmentVariable("CAPIKIT_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set CAPIKIT_TEST_POSTGRES to a PostgreSQL connection string.");
            string name = "capikit_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            };
        }
        else
        {
            string file = Path.Combine(Path.GetTempPath(), $"capikit-bench-{Guid.NewGuid():N}.db");
            connection = $"Data Source={file}";
            cleanup = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (string path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }

                return Task.CompletedTask;
            };
        }

        ServiceCollection services = new();
        services.AddConversionsApi(options =>
            {
                options.DatasetId = "1234567890";
                options.AccessToken = "bench-token";
                options.BaseAddress = emulator.BaseAddress;
            })
            .AddOutbox(outbox =>
            {
                if (store == "postgres")
                {
                    outbox.UsePostgres(connection);
                }
                else
                {
                    outbox.UseSqlite(connection);
                }

                outbox.Configure(options => options.PollInterval = TimeSpan.FromMilliseconds(10));
            });
        return new OutboxRig(emulator, services.BuildServiceProvider(), cleanup);
    }

    /// <summary>Stores <paramref name="count"/> new events, 1,000 per call; returns once all are committed.</summary>
    public async Task EnqueueAsync(int count)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        int first = _next;
        _next += count;
        for (int start = first; start < first + count; start += 1000)
        {
            await Outbox.EnqueueAsync(Enumerable.Range(start, Math.Min(1000, first + count - start)).Select(i => Purchase(i, now)));
        }
    }

    public async Task StartWorkerAsync()
    {
        _started = _provider.GetServices<IHostedService>().ToArray();
        foreach (IHostedService service in _started)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>Waits until every event enqueued so far has reached the emulator.</summary>
    public async Task WaitForDeliveryAsync()
    {
        while (Emulator.DistinctEventCount < _next)
        {
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IHostedService service in _started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
        await Emulator.DisposeAsync();
        await _cleanup();
    }

    private static ServerEvent Purchase(int index, DateTimeOffset now)
    {
        ServerEvent purchase = ServerEvent.ForWebsite(
                EventDefinition.Purchase(10m + (index % 100), "USD"),
                now,
                "https://shop.example/checkout",
                "Mozilla/5.0 (X11; Linux x86_64)")
            .SetEventId(string.Create(CultureInfo.InvariantCulture, $"bench-{index}"));
        purchase.UserData.AddEmail(string.Create(CultureInfo.InvariantCulture, $"customer{index}@example.com"));
        return purchase;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using NpgsqlConnection connection = new(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // A generated database name, no input.
        await using NpgsqlCommand command = new(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
