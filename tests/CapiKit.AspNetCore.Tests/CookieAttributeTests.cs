using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CapiKit.AspNetCore.Tests;

/// <summary>The first-party cookies as Meta's Pixel needs them, and consent.</summary>
public sealed class CookieAttributeTests
{
    [Fact]
    public async Task Cookies_last_90_days_on_the_whole_site_readable_by_the_Pixel()
    {
        await using TestSite site = await TestSite.StartAsync();

        (_, HttpResponseMessage response) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "http://www.shop.example/probe?fbclid=IwAR2F4-dbP0l7Mn1IawQQ"));

        IList<SetCookieHeaderValue> cookies = SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList());
        Assert.Equal(["_fbc", "_fbp"], cookies.Select(c => c.Name.Value).Order());
        Assert.All(cookies, c =>
        {
            Assert.Equal(TimeSpan.FromDays(90), c.MaxAge);
            Assert.Equal("/", c.Path.Value);
            Assert.Equal("shop.example", c.Domain.Value);
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, c.SameSite);
            Assert.False(c.HttpOnly);
            Assert.False(c.Secure);
        });
        Assert.EndsWith(".IwAR2F4-dbP0l7Mn1IawQQ", cookies.Single(c => c.Name == "_fbc").Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_secure_on_https()
    {
        await using TestSite site = await TestSite.StartAsync(baseAddress: new Uri("https://shop.example/"));

        (_, HttpResponseMessage response) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "/probe"));

        Assert.All(SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList()), c => Assert.True(c.Secure));
    }

    [Fact]
    public async Task Without_consent_nothing_is_written_but_the_values_are_still_read()
    {
        await using TestSite site = await TestSite.StartAsync(
            services: s => s.Configure<CookiePolicyOptions>(o => o.CheckConsentNeeded = _ => true),
            beforeConversions: app => app.UseCookiePolicy());
        using HttpRequestMessage request = new(HttpMethod.Get, "/probe?fbclid=abc");

        (Probe probe, HttpResponseMessage response) = await site.ProbeAsync(request);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.StartsWith("fb.1.", probe.ClickId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_consent_given_the_cookies_are_written()
    {
        await using TestSite site = await TestSite.StartAsync(
            services: s => s.Configure<CookiePolicyOptions>(o => o.CheckConsentNeeded = _ => true),
            beforeConversions: app =>
            {
                app.UseCookiePolicy();
                app.Use((context, next) =>
                {
                    context.Features.Get<ITrackingConsentFeature>()!.GrantConsent();
                    return next(context);
                });
            });

        (_, HttpResponseMessage response) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "/probe?fbclid=abc"));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), l => l.StartsWith("_fbc=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_can_decide_itself()
    {
        await using TestSite site = await TestSite.StartAsync(web: o => o.CanWriteCookies = c => c.Request.Cookies["consent"] == "yes");

        (_, HttpResponseMessage refused) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "/probe?fbclid=abc"));
        using HttpRequestMessage agreed = new(HttpMethod.Get, "/probe?fbclid=abc");
        agreed.Headers.Add("Cookie", "consent=yes");
        (_, HttpResponseMessage accepted) = await site.ProbeAsync(agreed);

        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.True(accepted.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_listed_domain_gives_two_dots_for_a_country_suffix()
    {
        await using TestSite site = await TestSite.StartAsync(web: o => o.CookieDomains.Add("shop.co.uk"));

        (Probe probe, HttpResponseMessage response) = await site.ProbeAsync(new HttpRequestMessage(HttpMethod.Get, "http://www.shop.co.uk/probe"));

        Assert.StartsWith("fb.2.", probe.BrowserId, StringComparison.Ordinal);
        Assert.Contains("domain=shop.co.uk", response.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_returning_visitor_gets_no_new_cookies()
    {
        await using TestSite site = await TestSite.StartAsync();
        using HttpRequestMessage request = new(HttpMethod.Get, "/probe?fbclid=AbC");
        request.Headers.Add("Cookie", "_fbc=fb.1.1700000000000.AbC; _fbp=fb.1.1596403881668.1116446470");

        (Probe probe, HttpResponseMessage response) = await site.ProbeAsync(request);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("fb.1.1700000000000.AbC", probe.ClickId);
        Assert.Equal("fb.1.1596403881668.1116446470", probe.BrowserId);
    }

    [Fact]
    public async Task A_click_ID_differing_only_in_case_is_a_new_click()
    {
        await using TestSite site = await TestSite.StartAsync();
        using HttpRequestMessage request = new(HttpMethod.Get, "/probe?fbclid=abc");
        request.Headers.Add("Cookie", "_fbc=fb.1.1700000000000.AbC");

        (Probe probe, _) = await site.ProbeAsync(request);

        Assert.EndsWith(".abc", probe.ClickId, StringComparison.Ordinal);
    }
}
