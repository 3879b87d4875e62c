using CapiKit.AspNetCore;
using CapiKit.AspNetCore.Pixel;
using CapiKit.AspNetCore.Queue;
using CapiKit.Testing;
using Checkout.Events;
using Checkout.Shop;

// A small coffee shop that reports its conversions to Meta with CapiKit.
//
//   dotnet run --project samples/Checkout -- --demo
//
// starts the shop, walks one customer from a product page to a purchase, prints each payload and the answer, and
// stops. Without --demo the shop keeps running and prints its address. CapiKit.AspNetCore reads each request as
// Meta's Parameter Builder does (fbc, fbp, IP, user agent, page), pages write the Pixel with the server events' ids,
// and pages never wait for Meta: events go through its bounded background queue. Events go to CapiKit's local
// emulator, or to Meta when META_DATASET_ID and META_ACCESS_TOKEN are set (META_TEST_EVENT_CODE routes them to Events
// Manager's Test Events; META_BASE_ADDRESS to a Meta look-alike, such as an emulator a test runs).

bool demo = args.Contains("--demo");
string? datasetId = Environment.GetEnvironmentVariable("META_DATASET_ID");
string? accessToken = Environment.GetEnvironmentVariable("META_ACCESS_TOKEN");
string? baseAddress = Environment.GetEnvironmentVariable("META_BASE_ADDRESS");
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
builder.Services.AddSingleton<IEventQueueObserver, ConversionsSender>();
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
    else if (!string.IsNullOrEmpty(baseAddress))
    {
        options.BaseAddress = new Uri(baseAddress);
    }
}).AddAspNetCore();

WebApplication app = builder.Build();
app.UseConversionsApi();

app.MapGet("/", (HttpContext context, Catalog catalog) => Page(context, "Coffee",
    "<ul>" + string.Concat(catalog.Products.Select(p => $"<li><a href=\"/products/{p.Id}\">{p.Name}</a> ${p.Price}</li>")) + "</ul><p><a href=\"/cart\">Cart</a></p>"));

// The page's Pixel tracks ViewContent with the event id of the server's ViewContent: Meta keeps one of the two.
app.MapGet("/products/{id}", async (string id, HttpContext context, Catalog catalog) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.NotFound();
    }

    ProductViewed viewed = new()
    {
        Request = context.GetConversionsRequest(),
        ProductIds = [product.Id],
        Price = product.Price,
        Currency = Catalog.Currency,
    };
    await context.TrackAsync(viewed.ToServerEvent(Normalization));
    return Page(context, product.Name, $"<p>${product.Price}</p><form method=\"post\" action=\"/cart/{product.Id}\"><button id=\"add\">Add to cart</button></form><p><a href=\"/\">More coffee</a></p>");
});

app.MapPost("/cart/{id}", async (string id, HttpContext context, Catalog catalog, Carts carts) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.NotFound();
    }

    carts.For(context).Add(product, 1);
    // A redirect follows, so this event has no Pixel twin: the server's copy is the only one.
    ItemAdded added = new()
    {
        Request = context.GetConversionsRequest(),
        Items = [new CapiKit.Content().SetId(product.Id).SetQuantity(1).SetItemPrice(product.Price)],
        Value = product.Price,
        Currency = Catalog.Currency,
    };
    await context.TrackAsync(added.ToServerEvent(Normalization));
    return Results.Redirect("/cart");
});

app.MapGet("/cart", (HttpContext context, Carts carts) =>
{
    Cart cart = carts.For(context);
    if (cart.Count == 0)
    {
        return Page(context, "Your cart", "<p id=\"empty\">Your cart is empty.</p><p><a href=\"/\">Shop</a></p>");
    }

    string lines = string.Concat(cart.Lines.Select(l => $"<li>{l.Quantity} × {l.Product.Name}</li>"));
    return Page(context, "Your cart", $"<ul id=\"lines\">{lines}</ul><p>Total ${cart.Value}</p><form method=\"post\" action=\"/checkout\"><button id=\"checkout\">Check out</button></form>");
});

app.MapPost("/checkout", async (HttpContext context, Carts carts) =>
{
    Cart cart = carts.For(context);
    if (cart.Count == 0)
    {
        return Results.Redirect("/cart");
    }

    CheckoutStarted started = new()
    {
        Request = context.GetConversionsRequest(),
        Items = cart.Contents(),
        ItemCount = cart.Count,
        Value = cart.Value,
        Currency = Catalog.Currency,
    };
    await context.TrackAsync(started.ToServerEvent(Normalization));
    return Page(context, "Checkout", $"<p>Total ${cart.Value}</p><form method=\"post\" action=\"/orders\">"
        + "<label>E-mail <input id=\"email\" name=\"email\" type=\"email\" required></label>"
        + "<label>Phone <input id=\"phone\" name=\"phone\"></label>"
        + "<label>First name <input name=\"first_name\"></label><label>Last name <input name=\"last_name\"></label>"
        + "<label>City <input name=\"city\"></label><label>Postal code <input name=\"postal_code\"></label>"
        + "<label>Country <input name=\"country\"></label><button id=\"pay\">Pay</button></form>");
});

app.MapPost("/orders", async (HttpContext context, Carts carts) =>
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
        Request = context.GetConversionsRequest(),
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
    await context.TrackAsync(order.ToServerEvent(Normalization));
    cart.Clear();
    return Page(context, "Thank you", $"<p id=\"thanks\">Thank you! Order {orderNumber}</p>");
});

await app.StartAsync();
string shop = app.Urls.First();
Console.WriteLine(toMeta ? $"Shop at {shop}; events go to {(string.IsNullOrEmpty(baseAddress) ? "Meta" : baseAddress)}, dataset {datasetId}." : $"Shop at {shop}; events go to the local emulator at {emulator!.BaseAddress}.");
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

// Every page ends with the Pixel: its loader, and one track call per event the page's request tracked.
static IResult Page(HttpContext context, string title, string body) =>
    Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}{MetaPixel.For(context)}</body></html>", "text/html; charset=utf-8");

internal static partial class Program
{
    /// <summary>Customers' phone numbers are written without a country code; they are US numbers.</summary>
    private static readonly CapiKit.Pii.NormalizationOptions Normalization = new() { DefaultRegion = "US" };
}
