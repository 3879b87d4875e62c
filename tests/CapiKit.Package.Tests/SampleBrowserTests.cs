using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CapiKit.Testing;
using PuppeteerSharp;

namespace CapiKit.Package.Tests;

/// <summary>
/// The sample shop in a real browser (Debian's chromium, driven by PuppeteerSharp; nothing is downloaded): a visitor
/// from an ad click adds to the cart, checks out and pays, every link and form works, another visitor has a cart of
/// their own, and the events go out from the background queue. The shop sends to an emulator this test runs, and the
/// Pixel script is a local stub that records every <c>fbq</c> call: each tracked event's <c>eventID</c> must be the
/// <c>event_id</c> of a server event of the same name the emulator received, so Meta would count it once. Nothing leaves
/// loopback. Under CI=true the browser must be there; elsewhere the test says it did not run.
/// </summary>
[Collection(SequentialPacking.Name)]
public sealed class SampleBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Fbclid = "IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMs";

    /// <summary>Stands in for Meta's fbevents.js: replays what the loader queued and records every call from then on.</summary>
    private const string PixelStub = """
        (function () {
          var fbq = window.fbq, calls = window.__pixelCalls = [];
          fbq.callMethod = function () { calls.push(JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments)))); };
          var queued = fbq.queue || [];
          fbq.queue = [];
          queued.forEach(function (args) { fbq.callMethod.apply(fbq, args); });
        })();
        """;

    [Fact]
    public async Task A_visitor_buys_in_a_real_browser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", $"CI must install Debian's chromium ({Chromium}); .ci/run does.");
            Console.WriteLine($"SampleBrowserTests did not run: no {Chromium} (apt-get install chromium).");
            return;
        }

        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        await using SampleShop shop = await SampleShop.StartAsync(emulator.BaseAddress);
        string profile = Directory.CreateTempSubdirectory("capikit-chromium-").FullName;
        await using IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = profile,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        List<(string Name, string EventId)> pixelEvents = [];
        IPage page = await browser.NewPageAsync();
        await ServePixelStubAsync(page);
        IResponse product = await page.GoToAsync(shop.Url + "/products/sku-grinder?fbclid=" + Fbclid);
        Assert.True(product.Ok, $"product page: {product.Status}");
        pixelEvents.AddRange(await PixelEventsAsync(page));
        Assert.Contains(pixelEvents, e => e.Name == "ViewContent");

        // Set by the shop, readable by Meta's script; 127.0.0.1 is an address, so subdomain index 0 as Meta's builder has it.
        CookieParam[] cookies = await page.GetCookiesAsync();
        Assert.Contains(cookies, c => c.Name == "_fbc" && c.Value.StartsWith("fb.0.", StringComparison.Ordinal) && c.Value.EndsWith("." + Fbclid, StringComparison.Ordinal) && c.HttpOnly != true);
        Assert.Contains(cookies, c => c.Name == "_fbp" && System.Text.RegularExpressions.Regex.IsMatch(c.Value, @"^fb\.0\.\d{13}\.\d{1,10}$") && c.HttpOnly != true);

        IResponse cart = await ClickAndWait(page, "#add");
        Assert.True(cart.Ok, $"cart: {cart.Status}");
        Assert.EndsWith("/cart", page.Url, StringComparison.Ordinal);
        Assert.Contains("Burr grinder", await page.EvaluateExpressionAsync<string>("document.querySelector('#lines').innerText"), StringComparison.Ordinal);

        IResponse checkout = await ClickAndWait(page, "#checkout");
        Assert.True(checkout.Ok, $"checkout: {checkout.Status}");
        pixelEvents.AddRange(await PixelEventsAsync(page));
        await page.TypeAsync("#email", "mary.major@example.com");
        await page.TypeAsync("#phone", "(650) 555-1212");
        IResponse thanks = await ClickAndWait(page, "#pay");
        Assert.True(thanks.Ok, $"order: {thanks.Status}");
        Assert.StartsWith("Thank you! Order A-", await page.EvaluateExpressionAsync<string>("document.querySelector('#thanks').innerText"), StringComparison.Ordinal);
        pixelEvents.AddRange(await PixelEventsAsync(page));
        Assert.Equal(["ViewContent", "InitiateCheckout", "Purchase"], pixelEvents.Select(e => e.Name));

        // Another visitor (a fresh profile of cookies) has a cart of their own, which is empty.
        await using IBrowserContext stranger = await browser.CreateBrowserContextAsync();
        IPage other = await stranger.NewPageAsync();
        await ServePixelStubAsync(other);
        await other.GoToAsync(shop.Url + "/cart");
        Assert.NotNull(await other.QuerySelectorAsync("#empty"));

        await shop.WaitForOutputAsync("--> Purchase", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("mary.major@example.com", shop.Output, StringComparison.OrdinalIgnoreCase);

        // Every browser event has its server twin: same name, same id, received once.
        Assert.All(pixelEvents, e => Assert.True(emulator.ArrivalCount(e.EventId, e.Name) == 1, $"{e.Name} {e.EventId}: no server event with that id\n{shop.Output}"));
    }

    /// <summary>Answers the Pixel script's address with the stub; anything else beyond the shop is refused.</summary>
    private static async Task ServePixelStubAsync(IPage page)
    {
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            Uri url = new(e.Request.Url);
            if (url.AbsolutePath.EndsWith("/fbevents.js", StringComparison.Ordinal))
            {
                await e.Request.RespondAsync(new ResponseData { Status = HttpStatusCode.OK, ContentType = "application/javascript", Body = PixelStub });
            }
            else if (url.Host == "127.0.0.1")
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                await e.Request.AbortAsync();
            }
        };
    }

    /// <summary>The page's <c>fbq('track', name, data, {eventID})</c> calls, once the stub has replayed them.</summary>
    private static async Task<List<(string Name, string EventId)>> PixelEventsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => Array.isArray(window.__pixelCalls)", new WaitForFunctionOptions { Timeout = 10_000 });
        using JsonDocument calls = JsonDocument.Parse(await page.EvaluateExpressionAsync<string>("JSON.stringify(window.__pixelCalls)"));
        List<(string, string)> tracked = [];
        foreach (JsonElement call in calls.RootElement.EnumerateArray())
        {
            string method = call[0].GetString()!;
            if (method is "track" or "trackCustom")
            {
                // Every tracked call must carry an eventID: a call without one could never be deduplicated.
                Assert.True(call.GetArrayLength() == 4 && call[3].TryGetProperty("eventID", out _), $"a Pixel call without eventID: {call}");
                tracked.Add((call[1].GetString()!, call[3].GetProperty("eventID").GetString()!));
            }
            else
            {
                Assert.Equal("init", method);
            }
        }

        return tracked;
    }

    private static async Task<IResponse> ClickAndWait(IPage page, string selector)
    {
        Task<IResponse> navigation = page.WaitForNavigationAsync();
        await page.ClickAsync(selector);
        return await navigation;
    }

    /// <summary>The sample as a user runs it (<c>dotnet run --project samples/Checkout</c>), on a free loopback port.</summary>
    private sealed class SampleShop : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private SampleShop(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Received(e.Data);
            process.ErrorDataReceived += (_, e) => Received(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Url { get; private set; } = "";

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<SampleShop> StartAsync(Uri emulator)
        {
            ProcessStartInfo start = new("dotnet")
            {
                WorkingDirectory = PackageFixture.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "run", "--project", "samples/Checkout", "--", "--urls", "http://127.0.0.1:0" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["META_DATASET_ID"] = "1234567890";
            start.Environment["META_ACCESS_TOKEN"] = "emulator-token";
            start.Environment["META_BASE_ADDRESS"] = emulator.AbsoluteUri;
            start.Environment.Remove("META_TEST_EVENT_CODE");
            SampleShop shop = new(Process.Start(start)!);
            shop.Url = (await shop._url.Task.WaitAsync(TimeSpan.FromMinutes(4))).TrimEnd('/');
            return shop;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.True(waited.Elapsed < timeout, $"The shop never printed '{text}':\n{Output}");
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Received(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            // "Shop at http://127.0.0.1:41991; events go to ..."
            if (line.StartsWith("Shop at ", StringComparison.Ordinal))
            {
                _url.TrySetResult(line["Shop at ".Length..].Split(';')[0]);
            }
        }
    }
}
