using System.Diagnostics;
using System.Text;
using PuppeteerSharp;

namespace CapiKit.Package.Tests;

/// <summary>
/// The sample shop in a real browser (Debian's chromium, driven by PuppeteerSharp; nothing is downloaded): a visitor
/// from an ad click adds to the cart, checks out and pays, every link and form works, another visitor has a cart of
/// their own, and the events go out from the background queue. Under CI=true the browser must be there; elsewhere the
/// test says it did not run.
/// </summary>
[Collection(SequentialPacking.Name)]
public sealed class SampleBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_visitor_buys_in_a_real_browser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", $"CI must install Debian's chromium ({Chromium}); .ci/run does.");
            Console.WriteLine($"SampleBrowserTests did not run: no {Chromium} (apt-get install chromium).");
            return;
        }

        await using SampleShop shop = await SampleShop.StartAsync();
        string profile = Directory.CreateTempSubdirectory("capikit-chromium-").FullName;
        await using IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = profile,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        IPage page = await browser.NewPageAsync();
        IResponse product = await page.GoToAsync(shop.Url + "/products/sku-grinder?fbclid=IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMs");
        Assert.True(product.Ok, $"product page: {product.Status}");
        CookieParam[] cookies = await page.GetCookiesAsync();
        Assert.Contains(cookies, c => c.Name == "_fbc" && c.Value.StartsWith("fb.1.", StringComparison.Ordinal) && c.Value.EndsWith("IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMs", StringComparison.Ordinal));

        IResponse cart = await ClickAndWait(page, "#add");
        Assert.True(cart.Ok, $"cart: {cart.Status}");
        Assert.EndsWith("/cart", page.Url, StringComparison.Ordinal);
        Assert.Contains("Burr grinder", await page.EvaluateExpressionAsync<string>("document.querySelector('#lines').innerText"), StringComparison.Ordinal);

        IResponse checkout = await ClickAndWait(page, "#checkout");
        Assert.True(checkout.Ok, $"checkout: {checkout.Status}");
        await page.TypeAsync("#email", "mary.major@example.com");
        await page.TypeAsync("#phone", "(650) 555-1212");
        IResponse thanks = await ClickAndWait(page, "#pay");
        Assert.True(thanks.Ok, $"order: {thanks.Status}");
        Assert.StartsWith("Thank you! Order A-", await page.EvaluateExpressionAsync<string>("document.querySelector('#thanks').innerText"), StringComparison.Ordinal);

        // Another visitor (a fresh profile of cookies) has a cart of their own, which is empty.
        await using IBrowserContext stranger = await browser.CreateBrowserContextAsync();
        IPage other = await stranger.NewPageAsync();
        await other.GoToAsync(shop.Url + "/cart");
        Assert.NotNull(await other.QuerySelectorAsync("#empty"));

        await shop.WaitForOutputAsync("--> Purchase", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("mary.major@example.com", shop.Output, StringComparison.OrdinalIgnoreCase);
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

        public static async Task<SampleShop> StartAsync()
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

            start.Environment.Remove("META_DATASET_ID");
            start.Environment.Remove("META_ACCESS_TOKEN");
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
