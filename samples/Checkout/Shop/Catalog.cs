namespace Checkout.Shop;

/// <summary>A product of the shop.</summary>
public sealed record Product(string Id, string Name, decimal Price);

/// <summary>The shop's tiny catalog.</summary>
public sealed class Catalog
{
    public const string Currency = "USD";

    public IReadOnlyList<Product> Products { get; } =
    [
        new("sku-espresso", "Espresso beans, 1 kg", 24.90m),
        new("sku-grinder", "Burr grinder", 129.00m),
        new("sku-cups", "Espresso cups, set of 4", 18.50m),
    ];

    public Product? Find(string id) => Products.FirstOrDefault(p => p.Id == id);
}
