using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CapiKit.AspNetCore.Pixel;
using CapiKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CapiKit.AspNetCore.Tests;

/// <summary>The Pixel code: one track call per server event, with its event id and custom data, safely encoded.</summary>
public sealed partial class PixelTests
{
    [Fact]
    public async Task The_Pixel_tracks_each_server_event_with_its_event_id()
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        await using TestSite site = await TestSite.StartAsync(capi: emulator.BaseAddress, web: o => o.Queue.Linger = TimeSpan.Zero, endpoints: app =>
            app.MapGet("/products/{id}", async (string id, HttpContext context) =>
            {
                ConversionsRequest web = context.GetConversionsRequest();
                ServerEvent viewed = web.NewWebsiteEvent(EventDefinition.ViewContent, DateTimeOffset.UtcNow)
                    .SetCustomData(new CustomData().AddContentId(id).SetValue(12.5m).SetCurrency("USD"));
                await context.TrackAsync(viewed);
                return Results.Content($"<html><body>{MetaPixel.For(context)}</body></html>", "text/html");
            }));
        using HttpRequestMessage request = new(HttpMethod.Get, "/products/sku-1?fbclid=abc");
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");

        string html = await (await site.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Match track = TrackCall().Match(html);
        Assert.True(track.Success, html);
        Assert.Equal("ViewContent", track.Groups["name"].Value);
        Assert.Equal("{\"value\":12.5,\"currency\":\"USD\",\"content_ids\":[\"sku-1\"]}", track.Groups["data"].Value);
        Assert.Contains("fbq('init',\"1234567890\");", html, StringComparison.Ordinal);
        Assert.Contains("\"https://connect.facebook.net/en_US/fbevents.js\"", html, StringComparison.Ordinal);
        await WaitUntilAsync(() => emulator.AcceptedEventIds.Count == 1);
        Assert.Equal(1, emulator.ArrivalCount(track.Groups["id"].Value, "ViewContent"));
    }

    [Fact]
    public void Values_cannot_close_the_script_or_its_strings()
    {
        ServerEvent hostile = ServerEvent.ForWebsite(EventDefinition.ViewContent, DateTimeOffset.UtcNow, "https://shop.example/", "Mozilla/5.0")
            .SetEventId("id'</script><script>alert(1)</script>")
            .SetCustomData(new CustomData().SetContentName("</script><img src=x onerror=alert(1)>\u2028'\"&"));

        string html = PixelScript.Render("1", new Uri("https://cdn.example/fbevents.js?a=1&b='2'"), [hostile], trackPageView: false, nonce: "n\"onload=x");

        Assert.Equal(1, Regex.Count(html, "</script>"));
        Assert.Equal(1, Regex.Count(html, "<script"));
        Assert.DoesNotContain("'2'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
        Assert.StartsWith("<script nonce=\"n&quot;onload=x\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_events_the_Pixel_does_not_know_use_trackCustom()
    {
        ServerEvent shipped = ServerEvent.ForWebsite(EventDefinition.OrderShipped, DateTimeOffset.UtcNow, "https://shop.example/", "Mozilla/5.0").SetEventId("e2");
        ServerEvent lead = ServerEvent.ForWebsite(EventDefinition.Lead, DateTimeOffset.UtcNow, "https://shop.example/", "Mozilla/5.0").SetEventId("e3");

        string html = PixelScript.Render("1", ConversionsWebOptions.MetaPixelScript, [shipped, lead], trackPageView: false, nonce: null);

        Assert.Contains("fbq('trackCustom',\"OrderShipped\",{},{eventID:\"e2\"});", html, StringComparison.Ordinal);
        Assert.Contains("fbq('track',\"Lead\",{},{eventID:\"e3\"});", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_events_use_trackCustom_and_PageView_is_optional()
    {
        ServerEvent custom = ServerEvent.ForWebsite(EventDefinition.Custom("TrialConverted"), DateTimeOffset.UtcNow, "https://shop.example/", "Mozilla/5.0").SetEventId("e1");

        string html = PixelScript.Render("1", ConversionsWebOptions.MetaPixelScript, [custom], trackPageView: true, nonce: null);

        Assert.Contains("fbq('trackCustom',\"TrialConverted\",{},{eventID:\"e1\"});", html, StringComparison.Ordinal);
        Assert.Contains("fbq('track','PageView');", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tag_helper_writes_the_same_code_with_a_configured_script()
    {
        string? tag = null;
        string? plain = null;
        await using TestSite site = await TestSite.StartAsync(
            web: o =>
            {
                o.PixelScriptUrl = new Uri("http://127.0.0.1/stub/fbevents.js");
                o.PixelId = "42";
            },
            endpoints: app => app.MapGet("/tag", async (HttpContext context) =>
            {
                ConversionsRequest web = context.GetConversionsRequest();
                await context.TrackAsync(web.NewWebsiteEvent(EventDefinition.Purchase(10m, "EUR"), DateTimeOffset.UtcNow));
                MetaPixelTagHelper helper = new() { ViewContext = new ViewContext { HttpContext = context }, Nonce = "abc" };
                TagHelperOutput output = new("meta-pixel", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
                helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "1"), output);
                using StringWriter writer = new();
                output.WriteTo(writer, HtmlEncoder.Default);
                tag = writer.ToString();
                plain = MetaPixel.For(context, "abc").Value;
                return Results.Ok();
            }));

        await site.Client.GetAsync("/tag");

        Assert.Equal(plain, tag);
        Assert.Contains("\"http://127.0.0.1/stub/fbevents.js\"", tag, StringComparison.Ordinal);
        Assert.Contains("fbq('init',\"42\");", tag, StringComparison.Ordinal);
        Assert.Matches("fbq\\('track',\"Purchase\",\\{\"value\":10,\"currency\":\"EUR\"\\},\\{eventID:\"[0-9a-f]{32}\"\\}\\);", tag);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [GeneratedRegex("fbq\\('track',\"(?<name>\\w+)\",(?<data>\\{.*?\\}),\\{eventID:\"(?<id>[^\"]+)\"\\}\\);")]
    private static partial Regex TrackCall();
}
