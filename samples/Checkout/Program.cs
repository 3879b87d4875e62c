using CapiKit.Delivery;
using CapiKit.Testing;
using Checkout.Events;
using Checkout.Shop;

// A small coffee shop that reports its conversions to Meta with CapiKit.
//
//   dotnet run --project samples/Checkout -- --demo
//
// starts the shop, walks one customer from a product page to a purchase, prints each payload and the answer, and
// stops. Without --demo the shop keeps running and prints its address. Pages never wait for Meta: events go through
// a bounded background queue (Shop/EventQueue.cs). Events go to CapiKit's local emulator, or to Meta when META_DATASET_ID and META_ACCESS_TOKEN are set
// (META_TEST_EVENT_CODE routes them to Events Manager's Test Events).

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
builder.Services.AddSingleton<Carts>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(provider => new ConversionsSender(
    provider.GetRequiredService<ConversionsApiClient>(), provider.GetRequiredService<ILogger<ConversionsSender>>(), emulator));
builder.Services.AddSingleton<EventQueue>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<EventQueue>());
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

app.MapGet("/", (Catalog catalog) => Page("Coffee",
    "<ul>" + string.Concat(catalog.Products.Select(p => $"<li><a href=\"/products/{p.Id}\">{p.Name}</a> ${p.Price}</li>")) + "</ul><p><a href=\"/cart\">Cart</a></p>"));

app.MapGet("/products/{id}", (string id, HttpContext context, Catalog catalog, EventQueue events, TimeProvider clock) =>
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
    events.Enqueue(viewed.ToServerEvent(ConversionsSender.Normalization));
    return Page(product.Name, $"<p>${product.Price}</p><form method=\"post\" action=\"/cart/{product.Id}\"><button id=\"add\">Add to cart</button></form><p><a href=\"/\">More coffee</a></p>");
});

app.MapPost("/cart/{id}", (string id, HttpContext context, Catalog catalog, Carts carts, EventQueue events, TimeProvider clock) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.NotFound();
    }

    carts.For(context).Add(product, 1);
    ItemAdded added = new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Visitor = Visitor.From(context, clock),
        Items = [new CapiKit.Content().SetId(product.Id).SetQuantity(1).SetItemPrice(product.Price)],
        Value = product.Price,
        Currency = Catalog.Currency,
    };
    events.Enqueue(added.ToServerEvent(ConversionsSender.Normalization));
    return Results.Redirect("/cart");
});

app.MapGet("/cart", (HttpContext context, Carts carts) =>
{
    Cart cart = carts.For(context);
    if (cart.Count == 0)
    {
        return Page("Your cart", "<p id=\"empty\">Your cart is empty.</p><p><a href=\"/\">Shop</a></p>");
    }

    string lines = string.Concat(cart.Lines.Select(l => $"<li>{l.Quantity} × {l.Product.Name}</li>"));
    return Page("Your cart", $"<ul id=\"lines\">{lines}</ul><p>Total ${cart.Value}</p><form method=\"post\" action=\"/checkout\"><button id=\"checkout\">Check out</button></form>");
});

app.MapPost("/checkout", (HttpContext context, Carts carts, EventQueue events, TimeProvider clock) =>
{
    Cart cart = carts.For(context);
    if (cart.Count == 0)
    {
        return Results.Redirect("/cart");
    }

    CheckoutStarted started = new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        Visitor = Visitor.From(context, clock),
        Items = cart.Contents(),
        ItemCount = cart.Count,
        Value = cart.Value,
        Currency = Catalog.Currency,
    };
    events.Enqueue(started.ToServerEvent(ConversionsSender.Normalization));
    return Page("Checkout", $"<p>Total ${cart.Value}</p><form method=\"post\" action=\"/orders\">"
        + "<label>E-mail <input id=\"email\" name=\"email\" type=\"email\" required></label>"
        + "<label>Phone <input id=\"phone\" name=\"phone\"></label>"
        + "<label>First name <input name=\"first_name\"></label><label>Last name <input name=\"last_name\"></label>"
        + "<label>City <input name=\"city\"></label><label>Postal code <input name=\"postal_code\"></label>"
        + "<label>Country <input name=\"country\"></label><button id=\"pay\">Pay</button></form>");
});

app.MapPost("/orders", async (HttpContext context, Carts carts, EventQueue events, TimeProvider clock) =>
{
    if (!context.Request.HasFormContentType)
    {
        return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
    }

    IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
    Cart cart = carts.For(context);
    if (form["email"].ToString() is not { Length: > 0 } email)
    {
        return Results.BadRequest("An e-mail address is needed for the receipt.");
    }

    if (cart.Count == 0)
    {
        return Results.BadRequest("The cart is empty.");
    }

    string orderNumber = $"A-{Random.Shared.Next(100_000, 999_999)}";
    OrderPlaced order = new()
    {
        EventId = orderNumber,
        Visitor = Visitor.From(context, clock),
        Email = email,
        Phone = form["phone"].ToString(),
        FirstName = form["first_name"].ToString(),
        LastName = form["last_name"].ToString(),
        City = form["city"].ToString(),
        PostalCode = form["postal_code"].ToString(),
        Country = form["country"].ToString(),
        CustomerId = form["customer_id"].ToString(),
        Items = cart.Contents(),
        Total = cart.Value,
        Currency = Catalog.Currency,
        OrderNumber = orderNumber,
    };
    events.Enqueue(order.ToServerEvent(ConversionsSender.Normalization));
    cart.Clear();
    return Page("Thank you", $"<p id=\"thanks\">Thank you! Order {orderNumber}</p>");
});

await app.StartAsync();
string shop = app.Urls.First();
Console.WriteLine(toMeta ? $"Shop at {shop}; events go to Meta, dataset {datasetId}." : $"Shop at {shop}; events go to the local emulator at {emulator!.BaseAddress}.");
Console.WriteLine();
if (!demo)
{
    await app.WaitForShutdownAsync();
    return 0;
}

// One customer, from an ad click to a purchase, as a browser would do it.
// Its cookies: the Pixel's _fbp from an earlier visit, then what the shop sets (_fbc from the ad click, the cart).
System.Net.CookieContainer cookies = new();
cookies.Add(new Uri(shop), new System.Net.Cookie("_fbp", "fb.1.1596403881668.1116446470"));
using HttpClient browser = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(shop) };
browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15");
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

await app.StopAsync();   // sends what is still queued
return 0;

static IResult Page(string title, string body) =>
    Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>", "text/html; charset=utf-8");
