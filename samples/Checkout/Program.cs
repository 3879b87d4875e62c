using CapiKit.Delivery;
using CapiKit.Testing;
using Checkout.Events;
using Checkout.Shop;

// A small coffee shop that reports its conversions to Meta with CapiKit.
//
//   dotnet run --project samples/Checkout -- --demo
//
// starts the shop, walks one customer from a product page to a purchase, prints each payload and the answer, and
// stops. Events go to CapiKit's local emulator, or to Meta when META_DATASET_ID and META_ACCESS_TOKEN are set
// (META_TEST_EVENT_CODE routes them to Events Manager's Test Events). Without --demo the shop keeps running.

bool demo = args.Contains("--demo");
string? datasetId = Environment.GetEnvironmentVariable("META_DATASET_ID");
string? accessToken = Environment.GetEnvironmentVariable("META_ACCESS_TOKEN");
bool toMeta = !string.IsNullOrEmpty(datasetId) && !string.IsNullOrEmpty(accessToken);
await using ConversionsApiEmulator? emulator = toMeta ? null : await ConversionsApiEmulator.StartAsync();

WebApplicationBuilder builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (demo)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.Services.AddSingleton<Catalog>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(provider => new ConversionsSender(
    provider.GetRequiredService<ConversionsApiClient>(), provider.GetRequiredService<ILogger<ConversionsSender>>(), emulator));
builder.Services.AddConversionsApi(options =>
{
    options.DatasetId = toMeta ? datasetId! : "1234567890";
    options.AccessToken = toMeta ? accessToken! : "emulator-token";
    options.TestEventCode = Environment.GetEnvironmentVariable("META_TEST_EVENT_CODE");
    options.PartnerAgent = "capikit-sample-checkout";
    if (emulator is not null)
    {
        options.BaseAddress = emulator.BaseAddress;
    }
});

WebApplication app = builder.Build();

app.MapGet("/", (Catalog catalog) => Results.Content(
    "<h1>Coffee</h1><ul>" + string.Concat(catalog.Products.Select(p => $"<li><a href=\"/products/{p.Id}\">{p.Name}</a> ${p.Price}</li>")) + "</ul>",
    "text/html"));

app.MapGet("/products/{id}", async (string id, HttpContext context, Catalog catalog, ConversionsSender sender, TimeProvider clock) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.NotFound();
    }

    ProductViewed viewed = new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Visitor = Visitor.From(context, clock),
        ProductIds = [product.Id],
        Price = product.Price,
        Currency = Catalog.Currency,
    };
    await sender.SendAsync(viewed.ToServerEvent(ConversionsSender.Normalization), context.RequestAborted);
    return Results.Content($"<h1>{product.Name}</h1><form method=post action=/cart/{product.Id}><button>Add to cart</button></form>", "text/html");
});

app.MapPost("/cart/{id}", async (string id, HttpContext context, Catalog catalog, ConversionsSender sender, TimeProvider clock) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.NotFound();
    }

    catalog.Add(product, 1);
    ItemAdded added = new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Visitor = Visitor.From(context, clock),
        Items = [new CapiKit.Content().SetId(product.Id).SetQuantity(1).SetItemPrice(product.Price)],
        Value = product.Price,
        Currency = Catalog.Currency,
    };
    await sender.SendAsync(added.ToServerEvent(ConversionsSender.Normalization), context.RequestAborted);
    return Results.Redirect("/checkout");
});

app.MapPost("/checkout", async (HttpContext context, Catalog catalog, ConversionsSender sender, TimeProvider clock) =>
{
    CheckoutStarted started = new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Visitor = Visitor.From(context, clock),
        Items = catalog.CartContents(),
        ItemCount = catalog.CartCount,
        Value = catalog.CartValue,
        Currency = Catalog.Currency,
    };
    await sender.SendAsync(started.ToServerEvent(ConversionsSender.Normalization), context.RequestAborted);
    return Results.Content("<form method=post action=/orders><input name=email><button>Pay</button></form>", "text/html");
});

app.MapPost("/orders", async (HttpContext context, Catalog catalog, ConversionsSender sender, TimeProvider clock) =>
{
    IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
    string orderNumber = $"A-{Random.Shared.Next(100_000, 999_999)}";
    OrderPlaced order = new()
    {
        EventId = orderNumber,
        Visitor = Visitor.From(context, clock),
        Email = form["email"].ToString(),
        Phone = form["phone"].ToString(),
        FirstName = form["first_name"].ToString(),
        LastName = form["last_name"].ToString(),
        City = form["city"].ToString(),
        PostalCode = form["postal_code"].ToString(),
        Country = form["country"].ToString(),
        CustomerId = form["customer_id"].ToString(),
        Items = catalog.CartContents(),
        Total = catalog.CartValue,
        Currency = Catalog.Currency,
        OrderNumber = orderNumber,
    };
    await sender.SendAsync(order.ToServerEvent(ConversionsSender.Normalization), context.RequestAborted);
    catalog.Clear();
    return Results.Content($"<h1>Thank you! Order {orderNumber}</h1>", "text/html");
});

if (!demo)
{
    Console.WriteLine(toMeta ? $"Sending events to Meta, dataset {datasetId}." : $"Sending events to the local emulator at {emulator!.BaseAddress}.");
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
string shop = app.Urls.First();
Console.WriteLine(toMeta ? $"Shop at {shop}; events go to Meta, dataset {datasetId}." : $"Shop at {shop}; events go to the local emulator at {emulator!.BaseAddress}.");
Console.WriteLine();

// One customer, from an ad click to a purchase, as a browser would do it.
using HttpClient browser = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(shop) };
browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15");
browser.DefaultRequestHeaders.Add("Cookie", "_fbp=fb.1.1596403881668.1116446470");
(await browser.GetAsync("/products/sku-grinder?fbclid=IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMs")).EnsureSuccessStatusCode();
await browser.PostAsync("/cart/sku-grinder", null);
await browser.PostAsync("/cart/sku-espresso", null);
(await browser.PostAsync("/checkout", null)).EnsureSuccessStatusCode();
(await browser.PostAsync("/orders", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["email"] = " Mary.Major@Example.com ",
    ["phone"] = "(650) 555-1212",
    ["first_name"] = "Mary",
    ["last_name"] = "Major",
    ["city"] = "Palo Alto",
    ["postal_code"] = "94301-1234",
    ["country"] = "United States",
    ["customer_id"] = "cust-1001",
}))).EnsureSuccessStatusCode();

await app.StopAsync();
return 0;
