using System.Text.Json;
using System.Text.RegularExpressions;
using CapiKit.AspNetCore.Tests.ParameterBuilderCases;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace CapiKit.AspNetCore.Tests;

/// <summary>The Parameter Builder's own cookie cases (ParameterBuilderCases/cookies.json), each through a real request.</summary>
public sealed class ParameterBuilderCookieTests
{
    private const string File = "cookies.json";

    public static TheoryData<string> Names => Cases.Names(File);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_builders_cookie_case_holds(string name)
    {
        JsonElement c = Cases.Case(File, name);
        JsonElement expected = c.GetProperty("expected");
        long now = Cases.Load(File).GetProperty("nowMilliseconds").GetInt64();
        await using TestSite site = await TestSite.StartAsync(
            web: o =>
            {
                if (c.TryGetProperty("domains", out JsonElement domains))
                {
                    foreach (JsonElement d in domains.EnumerateArray())
                    {
                        o.CookieDomains.Add(d.GetString()!);
                    }
                }

                if (c.Text("resolverReturns") is { } fixedAnswer)
                {
                    o.ResolveRegistrableDomain = host => fixedAnswer == "$host" ? host : fixedAnswer;
                }
            },
            services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(now))));

        (Probe probe, HttpResponseMessage response) = await site.ProbeAsync(RequestFor(c));

        Assert.Equal(expected.Text("fbc"), probe.ClickId);
        Assert.Matches(Pattern(expected.Text("fbp")!), probe.BrowserId);
        IList<SetCookieHeaderValue> set = response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? lines) ? SetCookieHeaderValue.ParseList(lines.ToList()) : [];
        Assert.Equal(expected.GetProperty("set").EnumerateArray().Select(e => e.GetString()).Order(), set.Select(s => s.Name.Value).Order());
        foreach (SetCookieHeaderValue cookie in set)
        {
            Assert.Equal(cookie.Name.Value == "_fbc" ? probe.ClickId : probe.BrowserId, cookie.Value.Value);
            if (expected.TryGetProperty("domain", out JsonElement domain))
            {
                Assert.Equal(domain.GetString(), cookie.Domain.Value);
            }
        }
    }

    /// <summary>The request the builder was given: host (scheme dropped), query, cookies and referrer.</summary>
    private static HttpRequestMessage RequestFor(JsonElement c)
    {
        string host = c.GetProperty("host").GetString()!;
        host = host.Contains("://", StringComparison.Ordinal) ? host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..] : host;
        Dictionary<string, string?> query = [];
        if (c.Text("fbclid") is { } fbclid)
        {
            query["fbclid"] = fbclid;
        }

        if (c.TryGetProperty("query", out JsonElement extra))
        {
            foreach (JsonProperty p in extra.EnumerateObject())
            {
                query[p.Name] = p.Value.GetString();
            }
        }

        HttpRequestMessage request = new(HttpMethod.Get, QueryHelpers.AddQueryString($"http://{host}/probe", query));
        if (c.TryGetProperty("cookies", out JsonElement cookies))
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")));
        }

        if (c.Text("referer") is { } referer)
        {
            request.Headers.TryAddWithoutValidation("Referer", referer);
        }

        return request;
    }

    private static string Pattern(string expected) => "^" + Regex.Escape(expected).Replace(@"\{random}", "[0-9]{1,10}", StringComparison.Ordinal) + "$";
}
