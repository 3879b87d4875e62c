using CapiKit.AspNetCore.Queue;
using CapiKit.Delivery;
using CapiKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CapiKit.AspNetCore.Tests;

/// <summary>Tracking: one event id per request, what an event lacks filled from the request, observers told.</summary>
public sealed class TrackTests
{
    [Fact]
    public async Task Events_of_one_request_share_its_id_and_get_what_they_lack()
    {
        ServerEvent[] tracked = [];
        await using TestSite site = await TestSite.StartAsync(endpoints: app => app.MapGet("/two", async (HttpContext context) =>
        {
            ServerEvent first = ServerEvent.ForWebsite(EventDefinition.ViewContent, DateTimeOffset.UtcNow, "https://shop.example/mine", "Agent/1");
            ServerEvent second = ServerEvent.ForWebsite(EventDefinition.AddToCart, DateTimeOffset.UtcNow, "https://shop.example/mine", "Agent/1").SetEventId("order-7");
            await context.TrackAsync(first);
            await context.TrackAsync(second);
            tracked = [.. context.GetConversionsRequest().TrackedEvents];
            return Results.Ok();
        }));
        using HttpRequestMessage request = new(HttpMethod.Get, "/two?fbclid=AbC");
        request.Headers.TryAddWithoutValidation("Referer", "https://facebook.com/");

        await site.Client.SendAsync(request);

        Assert.Equal(2, tracked.Length);
        Assert.Matches("^[0-9a-f]{32}$", tracked[0].EventId);
        Assert.Equal("order-7", tracked[1].EventId);
        Assert.Equal("https://shop.example/mine", tracked[0].EventSourceUrl);
        Assert.Equal("https://facebook.com/", tracked[0].ReferrerUrl);
        Assert.EndsWith(".AbC", tracked[0].UserData.ClickId, StringComparison.Ordinal);
        Assert.StartsWith("fb.1.", tracked[0].UserData.BrowserId, StringComparison.Ordinal);
        Assert.Equal("Agent/1", tracked[0].UserData.ClientUserAgent);
    }

    [Fact]
    public async Task Observers_see_every_batch_and_a_failing_one_stops_nothing()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        Recorder recorder = new();
        await using TestSite site = await TestSite.StartAsync(
            capi: emulator.BaseAddress,
            web: o => o.Queue.Linger = TimeSpan.Zero,
            services: s =>
            {
                s.AddSingleton<IEventQueueObserver>(new Failing());
                s.AddSingleton<IEventQueueObserver>(recorder);
            },
            endpoints: app => app.MapGet("/page", async (HttpContext context) =>
            {
                await context.TrackAsync(context.GetConversionsRequest().NewWebsiteEvent(EventDefinition.ViewContent, DateTimeOffset.UtcNow));
                return Results.Ok();
            }));
        using HttpRequestMessage first = new(HttpMethod.Get, "/page");
        first.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");
        using HttpRequestMessage second = new(HttpMethod.Get, "/page");
        second.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");

        await site.Client.SendAsync(first);
        await PixelTests.WaitUntilAsync(() => recorder.Accepted == 1);
        await site.Client.SendAsync(second);
        await PixelTests.WaitUntilAsync(() => recorder.Accepted == 2);

        Assert.Equal(2, emulator.AcceptedEventIds.Count);
    }

    private sealed class Recorder : IEventQueueObserver
    {
        private int _accepted;

        public int Accepted => Volatile.Read(ref _accepted);

        public void Sent(IReadOnlyList<ReadOnlyMemory<byte>> events, DeliveryReport report) =>
            Interlocked.Add(ref _accepted, report.Accepted.Count());
    }

    private sealed class Failing : IEventQueueObserver
    {
        public void Sent(IReadOnlyList<ReadOnlyMemory<byte>> events, DeliveryReport report) => throw new InvalidOperationException("observer bug");
    }
}
