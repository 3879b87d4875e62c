using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CapiKit.AspNetCore.Tests;

/// <summary>The user agent and URLs, as the request carried them; and what a ToString may show.</summary>
public sealed class RequestValuesTests
{
    [Fact]
    public async Task User_agent_page_and_referrer_come_from_the_request_unchanged()
    {
        await using TestSite site = await TestSite.StartAsync();
        using HttpRequestMessage request = new(HttpMethod.Get, "http://shop.example/probe?fbclid=AbC&utm_source=Meta");
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0");
        request.Headers.TryAddWithoutValidation("Referer", "https://l.facebook.com/l.php?u=x");

        (Probe probe, _) = await site.ProbeAsync(request);

        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0", probe.UserAgent);
        Assert.Equal("http://shop.example/probe?fbclid=AbC&utm_source=Meta", probe.EventSourceUrl);
        Assert.Equal("https://l.facebook.com/l.php?u=x", probe.ReferrerUrl);
    }

    [Fact]
    public async Task Absent_headers_are_null()
    {
        await using TestSite site = await TestSite.StartAsync();

        (Probe probe, _) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "/probe"));

        Assert.Null(probe.UserAgent);
        Assert.Null(probe.ReferrerUrl);
        Assert.Null(probe.ClickId);
    }

    [Fact]
    public async Task ToString_names_no_value()
    {
        string? text = null;
        await using TestSite site = await TestSite.StartAsync(endpoints: app => app.MapGet("/text", (HttpContext c) => text = c.GetConversionsRequest().ToString()));
        using HttpRequestMessage request = new(HttpMethod.Get, "/text?fbclid=SecretClick");
        request.Headers.Add("Cookie", "_fbi=8.8.4.4");

        await site.Client.SendAsync(request);

        Assert.NotNull(text);
        Assert.DoesNotContain("SecretClick", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8.8.4.4", text, StringComparison.Ordinal);
    }
}
