using CapiKit;

namespace Checkout.Shop;

/// <summary>A product of the shop.</summary>
public sealed record Product(string Id, string Name, decimal Price);

/// <summary>The shop's tiny catalog and the cart of its single demo customer.</summary>
public sealed class Catalog
{
    public const string Currency = "USD";

    private readonly List<(Product Product, int Quantity)> _cart = [];

    public IReadOnlyList<Product> Products { get; } =
    [
        new("sku-espresso", "Espresso beans, 1 kg", 24.90m),
        new("sku-grinder", "Burr grinder", 129.00m),
        new("sku-cups", "Espresso cups, set of 4", 18.50m),
    ];

    public Product? Find(string id) => Products.FirstOrDefault(p => p.Id == id);

    public void Add(Product product, int quantity) => _cart.Add((product, quantity));

    public decimal CartValue => _cart.Sum(line => line.Product.Price * line.Quantity);

    public int CartCount => _cart.Sum(line => line.Quantity);

    /// <summary>The cart as Meta's <c>contents</c>.</summary>
    public IReadOnlyList<Content> CartContents() =>
        _cart.Select(line => new Content().SetId(line.Product.Id).SetQuantity(line.Quantity).SetItemPrice(line.Product.Price)).ToList();

    public void Clear() => _cart.Clear();
}
