// The outbox tests' worker process. Output lines the tests wait for: "enqueued N", "ready", "empty".
using CapiKit.Outbox;
using CapiKit.Outbox.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

WorkerArguments arguments = new(args);
ServiceCollection services = new();
services.AddConversionsApi(options =>
    {
        options.DatasetId = "1234567890";
        options.AccessToken = "test-token";
        options.BaseAddress = arguments.Endpoint;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.MaxRetryAttempts = 2;
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.MaxEventsPerRequest = arguments.RequestSize;
    })
    .AddOutbox(outbox =>
    {
        if (arguments.Store == "postgres")
        {
            outbox.UsePostgres(arguments.Connection);
        }
        else
        {
            outbox.UseSqlite(arguments.Connection);
        }

        outbox.Configure(options =>
        {
            options.BatchSize = arguments.BatchSize;
            options.LeaseDuration = arguments.Lease;
            options.PollInterval = arguments.Poll;
            options.StatsInterval = TimeSpan.FromSeconds(1);
        });
    });

await using ServiceProvider provider = services.BuildServiceProvider();
IConversionsOutbox outbox = provider.GetRequiredService<IConversionsOutbox>();
DateTimeOffset now = DateTimeOffset.UtcNow;
for (int start = 0; start < arguments.Enqueue; start += 1000)
{
    int count = Math.Min(1000, arguments.Enqueue - start);
    await outbox.EnqueueAsync(Enumerable.Range(start, count).Select(i => TestEvents.Purchase(arguments.Prefix, i, now)));
}

Console.WriteLine($"enqueued {arguments.Enqueue}");
Console.WriteLine("ready");
if (arguments.WaitForGo)
{
    Console.ReadLine();
}

IHostedService[] hosted = provider.GetServices<IHostedService>().ToArray();
foreach (IHostedService service in hosted)
{
    await service.StartAsync(CancellationToken.None);
}

if (!arguments.ExitWhenEmpty)
{
    await Task.Delay(Timeout.Infinite);
}

while ((await outbox.GetStatsAsync()).Pending > 0)
{
    await Task.Delay(250); // a COUNT over the pending rows: not so often that it competes with the delivery being measured
}

foreach (IHostedService service in hosted)
{
    await service.StopAsync(CancellationToken.None);
}

Console.WriteLine("empty");
