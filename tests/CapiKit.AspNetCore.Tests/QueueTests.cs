using System.Diagnostics;
using CapiKit.AspNetCore.Queue;
using CapiKit.Outbox;
using CapiKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CapiKit.AspNetCore.Tests;

/// <summary>The in-memory queue: bounded, batched, drained on shutdown, measured; pages never wait for Meta.</summary>
public sealed class QueueTests
{
    [Fact]
    public async Task Events_go_in_batches_of_at_most_1000()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        await using TestSite site = await TestSite.StartAsync(capi: emulator.BaseAddress, web: o => o.Queue.Linger = TimeSpan.FromMilliseconds(50));
        IConversionsEventSink sink = site.Services.GetRequiredService<IConversionsEventSink>();

        await sink.EnqueueAsync(Events(2_500));

        await PixelTests.WaitUntilAsync(() => emulator.AcceptedEventIds.Count == 2_500);
        Assert.All(emulator.Requests, r => Assert.InRange(r.Events.Count, 1, 1_000));
        Assert.InRange(emulator.Requests.Count, 3, 10);
    }

    [Fact]
    public async Task A_full_queue_drops_at_once_in_Drop_mode_and_counts_it()
    {
        using EventQueueMetrics metrics = new();
        using MetricCollector<long> dropped = new(metrics.Meter, "capikit.queue.dropped");
        InMemoryEventSink sink = Sink(metrics, TimeProvider.System, q =>
        {
            q.Capacity = 2;
            q.FullMode = QueueFullMode.Drop;
        });

        await sink.EnqueueAsync(Events(5));

        Assert.Equal(2, sink.Count);
        Assert.Equal(3, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(dropped.GetMeasurementSnapshot(), m => Assert.Equal("full", m.Tags["reason"]));
    }

    [Fact]
    public async Task A_full_queue_waits_for_room_then_drops()
    {
        using EventQueueMetrics metrics = new();
        using MetricCollector<long> dropped = new(metrics.Meter, "capikit.queue.dropped");
        InMemoryEventSink sink = Sink(metrics, TimeProvider.System, q =>
        {
            q.Capacity = 1;
            q.FullWaitTimeout = TimeSpan.FromMilliseconds(100);
        });
        await sink.EnqueueAsync(Events(1));

        // Room is made while the second event waits: it is queued, not dropped.
        Task waiting = sink.EnqueueAsync(Events(1));
        await Task.Delay(20);
        Assert.True(sink.Reader.TryRead(out _));
        await waiting;
        Stopwatch timed = Stopwatch.StartNew();
        await sink.EnqueueAsync(Events(1));

        Assert.Equal(1, sink.Count);
        Assert.InRange(timed.ElapsedMilliseconds, 80, 5_000);
        Assert.Equal(1, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Depth_and_age_of_the_oldest_event_are_measured()
    {
        FakeTimeProvider time = new();
        using EventQueueMetrics metrics = new();
        using MetricCollector<int> depth = new(metrics.Meter, "capikit.queue.depth", time);
        using MetricCollector<double> age = new(metrics.Meter, "capikit.queue.oldest_age", time);
        InMemoryEventSink sink = Sink(metrics, time, _ => { });
        await sink.EnqueueAsync(Events(3));
        time.Advance(TimeSpan.FromSeconds(5));

        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();

        Assert.Equal(3, depth.LastMeasurement?.Value);
        Assert.Equal(5, age.LastMeasurement!.Value, precision: 3);
    }

    [Fact]
    public async Task Stopping_the_host_sends_what_is_queued()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        TestSite site = await TestSite.StartAsync(capi: emulator.BaseAddress, web: o => o.Queue.Linger = TimeSpan.FromMinutes(1));
        await site.Services.GetRequiredService<IConversionsEventSink>().EnqueueAsync(Events(10));

        Stopwatch stopping = Stopwatch.StartNew();
        await site.DisposeAsync();

        Assert.Equal(10, emulator.AcceptedEventIds.Count);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), "the linger must end when the queue completes");
    }

    [Fact]
    public async Task Shutdown_gives_up_after_its_timeout_and_counts_what_was_lost()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromSeconds(30)));
        TestSite site = await TestSite.StartAsync(capi: emulator.BaseAddress, web: o =>
        {
            o.Queue.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
            o.Queue.MaxBatchSize = 5;
            o.Queue.Linger = TimeSpan.Zero;
        });
        EventQueueMetrics metrics = site.Services.GetRequiredService<EventQueueMetrics>();
        using MetricCollector<long> dropped = new(metrics.Meter, "capikit.queue.dropped");
        IConversionsEventSink sink = site.Services.GetRequiredService<IConversionsEventSink>();
        await sink.EnqueueAsync(Events(12));
        await PixelTests.WaitUntilAsync(() => emulator.InFlight > 0);

        Stopwatch stopping = Stopwatch.StartNew();
        await site.DisposeAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        Assert.Equal(12, dropped.GetMeasurementSnapshot().Where(m => (string?)m.Tags["reason"] == "shutdown").Sum(m => m.Value));
    }

    [Fact]
    public async Task A_page_answers_at_once_when_Meta_does_not()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.Timeout, Delay: TimeSpan.FromSeconds(30)));
        await using TestSite site = await TestSite.StartAsync(
            capi: emulator.BaseAddress,
            web: o => o.Queue.ShutdownTimeout = TimeSpan.Zero,
            endpoints: app => app.MapGet("/page", async (HttpContext context) =>
            {
                await context.TrackAsync(context.GetConversionsRequest().NewWebsiteEvent(EventDefinition.ViewContent, DateTimeOffset.UtcNow));
                return Results.Ok();
            }));
        await site.Client.GetAsync("/page");

        Stopwatch page = Stopwatch.StartNew();
        for (int i = 0; i < 20; i++)
        {
            (await site.Client.GetAsync("/page")).EnsureSuccessStatusCode();
        }

        Assert.True(page.Elapsed < TimeSpan.FromSeconds(2), $"20 pages took {page.Elapsed}");
    }

    [Fact]
    public async Task Another_sink_registered_first_is_kept_so_durable_delivery_is_one_line()
    {
        ServiceCollection services = new();
        RecordingSink durable = new();
        services.AddSingleton<IConversionsEventSink>(durable);
        services.AddConversionsApi(o => { o.DatasetId = "1"; o.AccessToken = "t"; }).AddAspNetCore();
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(durable, provider.GetRequiredService<IConversionsEventSink>());
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_outbox_is_the_sink_whether_it_is_added_before_or_after_AddAspNetCore(bool outboxFirst)
    {
        string database = Path.Combine(Path.GetTempPath(), $"capikit-web-outbox-{Guid.NewGuid():N}.db");
        try
        {
            ServiceCollection services = new();
            services.AddLogging();
            IHttpClientBuilder client = services.AddConversionsApi(o => { o.DatasetId = "1"; o.AccessToken = "t"; });
            if (outboxFirst)
            {
                client.AddOutbox(o => o.UseSqlite($"Data Source={database}")).AddAspNetCore();
            }
            else
            {
                client.AddAspNetCore().AddOutbox(o => o.UseSqlite($"Data Source={database}"));
            }

            await using ServiceProvider provider = services.BuildServiceProvider();
            IConversionsEventSink sink = provider.GetRequiredService<IConversionsEventSink>();
            Assert.IsAssignableFrom<IConversionsOutbox>(sink);

            // A queue registered before the outbox took over stays idle: nothing reaches it, and it sends nothing.
            foreach (IHostedService hosted in provider.GetServices<IHostedService>().Where(h => h.GetType().Name == "EventQueueSender"))
            {
                await hosted.StartAsync(CancellationToken.None);
                await hosted.StopAsync(CancellationToken.None);
            }

            await sink.EnqueueAsync(Events(3));
            Assert.Equal(3, (await ((IConversionsOutbox)sink).GetStatsAsync()).Pending);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new EventQueueOptions { MaxBatchSize = 1_001 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new EventQueueOptions { Capacity = 0 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new EventQueueOptions { Linger = TimeSpan.FromSeconds(-1) }.Validate());
    }

    private static InMemoryEventSink Sink(EventQueueMetrics metrics, TimeProvider time, Action<EventQueueOptions> configure)
    {
        ConversionsWebOptions options = new();
        configure(options.Queue);
        return new InMemoryEventSink(Options.Create(options), metrics, time);
    }

    /// <summary>Valid website events: the pre-flight would hold back one without any customer information.</summary>
    private static IEnumerable<ServerEvent> Events(int count) => Enumerable.Range(0, count).Select(i =>
        ServerEvent.ForWebsite(EventDefinition.ViewContent, DateTimeOffset.UtcNow, "https://shop.example/", "Mozilla/5.0", new UserData().SetBrowserId("fb.1.1596403881668.1116446470"))
            .SetEventId($"e{i}-{Guid.NewGuid():N}"));

    private sealed class RecordingSink : IConversionsEventSink
    {
        public Task EnqueueAsync(IEnumerable<ServerEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
