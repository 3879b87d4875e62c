using System.Net;
using System.Text.Json;
using CapiKit.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapiKit.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core app on TestServer with <c>AddConversionsApi(...).AddAspNetCore()</c> and
/// <c>UseConversionsApi()</c>; <c>/probe</c> answers with what the request reader found.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private TestSite(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestSite> StartAsync(
        Action<ConversionsWebOptions>? web = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? beforeConversions = null,
        Action<WebApplication>? endpoints = null,
        Uri? capi = null,
        Uri? baseAddress = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer(o => o.BaseAddress = baseAddress ?? new Uri("http://shop.example/"));
        builder.Logging.ClearProviders();
        builder.Services.AddConversionsApi(o =>
        {
            o.DatasetId = "1234567890";
            o.AccessToken = "test-token";
            o.BaseAddress = capi ?? new Uri("http://127.0.0.1:9/");
            o.MaxRetryAttempts = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        }).AddAspNetCore(web);
        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        beforeConversions?.Invoke(app);
        app.UseConversionsApi();
        app.MapGet("/probe", (HttpContext context) =>
        {
            ConversionsRequest r = context.GetConversionsRequest();
            return Results.Json(new Probe(r.ClickId, r.BrowserId, r.ClientIpAddress, r.UserAgent, r.EventSourceUrl, r.ReferrerUrl));
        });
        endpoints?.Invoke(app);
        await app.StartAsync();
        return new TestSite(app);
    }

    public async Task<(Probe Probe, HttpResponseMessage Response)> ProbeAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Probe probe = JsonSerializer.Deserialize<Probe>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        return (probe, response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal sealed record Probe(string? ClickId, string? BrowserId, string? ClientIpAddress, string? UserAgent, string? EventSourceUrl, string? ReferrerUrl);
