using System.Collections.Concurrent;
using CapiKit;

namespace Checkout.Shop;

/// <summary>One visitor's cart. Requests of one visitor can overlap (two tabs), so it locks.</summary>
public sealed class Cart
{
    private readonly Lock _gate = new();
    private readonly List<(Product Product, int Quantity)> _lines = [];

    public void Add(Product product, int quantity)
    {
        lock (_gate)
        {
            _lines.Add((product, quantity));
        }
    }

    public IReadOnlyList<(Product Product, int Quantity)> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public decimal Value => Lines.Sum(line => line.Product.Price * line.Quantity);

    public int Count => Lines.Sum(line => line.Quantity);

    /// <summary>The cart as Meta's <c>contents</c>.</summary>
    public IReadOnlyList<Content> Contents() =>
        Lines.Select(line => new Content().SetId(line.Product.Id).SetQuantity(line.Quantity).SetItemPrice(line.Product.Price)).ToList();

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
        }
    }
}

/// <summary>
/// Every visitor's cart, found by a random id in a first-party cookie. In memory, as a sample's may be; a real shop
/// keeps carts in its database or session store.
/// </summary>
public sealed class Carts
{
    private const string CookieName = "shop_cart";
    private readonly ConcurrentDictionary<string, Cart> _carts = new();

    public Cart For(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: 32 } id)
        {
            id = Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append(CookieName, id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return _carts.GetOrAdd(id, static _ => new Cart());
    }
}
