using System.Net;
using System.Text.Json;
using CapiKit.AspNetCore.Tests.ParameterBuilderCases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace CapiKit.AspNetCore.Tests;

/// <summary>
/// The Parameter Builder's own client-IP cases (ParameterBuilderCases/client-ip.json), each through a real request
/// behind ASP.NET Core's forwarded-headers middleware: CapiKit never reads <c>X-Forwarded-For</c> itself.
/// </summary>
public sealed class ParameterBuilderClientIpTests
{
    private const string File = "client-ip.json";

    /// <summary>The proxy in front of the app, when a case names no remote address: private, so never chosen.</summary>
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.9");

    public static TheoryData<string> Names => Cases.Names(File);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_builders_client_ip_case_holds(string name)
    {
        JsonElement c = Cases.Case(File, name);
        IPAddress remote = IPAddress.TryParse(c.Text("remoteAddress") ?? "", out IPAddress? parsed) ? parsed : Proxy;
        await using TestSite site = await TestSite.StartAsync(beforeConversions: app =>
        {
            // The connection comes from the case's remote address; the app trusts its proxies, as one behind its
            // own load balancer does (every proxy here, and the whole chain).
            app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = remote;
                return next(context);
            });
            ForwardedHeadersOptions forwarded = new() { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        });
        using HttpRequestMessage request = new(HttpMethod.Get, "/probe");
        if (c.Text("xForwardedFor") is { } forwardedFor)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (c.Text("fbi") is { } fbi)
        {
            request.Headers.TryAddWithoutValidation("Cookie", "_fbi=" + (fbi == "{a x 1000}" ? new string('a', 1000) : fbi));
        }

        (Probe probe, _) = await site.ProbeAsync(request);

        Assert.Equal(c.Text("expected"), probe.ClientIpAddress);
    }

    [Fact]
    public async Task X_Forwarded_For_is_ignored_without_the_forwarded_headers_middleware()
    {
        await using TestSite site = await TestSite.StartAsync();
        using HttpRequestMessage request = new(HttpMethod.Get, "/probe");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "8.8.8.8");

        (Probe probe, _) = await site.ProbeAsync(request);

        Assert.Null(probe.ClientIpAddress);
    }
}
