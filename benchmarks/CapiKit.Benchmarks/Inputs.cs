using System.Globalization;

namespace CapiKit.Benchmarks;

/// <summary>One customer's raw, messy data, as a shop's checkout hands it over.</summary>
public sealed record Customer(
    int Index, string Email, string Phone, string FirstName, string LastName, string City, string State, string Zip, string Country,
    string ExternalId, string Ip, string UserAgent, string Fbc, string Fbp, decimal Value, (string Id, int Quantity, decimal Price)[] Items,
    string OrderId, string EventId, string Url);

/// <summary>
/// The benchmark's customers from a seed: the same generator, step for step, as benchmarks/node/inputs.js, so
/// CapiKit and Meta's SDK hash the same raw values.
/// </summary>
public static class Inputs
{
    /// <summary>The nine hashed <c>user_data</c> keys of the benchmark's Purchase, and where each raw value comes from.</summary>
    public static readonly (string Key, Func<Customer, string> Raw)[] HashedFields =
    [
        ("em", c => c.Email), ("ph", c => c.Phone), ("fn", c => c.FirstName), ("ln", c => c.LastName), ("ct", c => c.City),
        ("st", c => c.State), ("zp", c => c.Zip), ("country", c => c.Country), ("external_id", c => c.ExternalId),
    ];

    private static readonly string[] First = ["Mary", "John", "Valery", "Anna", "Lucas", "Sofia", "Noah", "Emma"];
    private static readonly string[] Last = ["Smith", "Major", "Garcia", "Nguyen", "Kowalski", "Rossi", "Tanaka", "Muller"];
    private static readonly string[] Cities = ["New York", "San Francisco", "Palo Alto", "Austin"];
    private static readonly string[] States = ["NY", "CA", "CA", "TX"];

    public static IEnumerable<Customer> Customers(int count, uint seed = 20261126)
    {
        uint state = seed;
        for (int i = 0; i < count; i++)
        {
            uint r = state = unchecked((state * 1664525u) + 1013904223u);
            string first = First[r % 8];
            string last = Last[(r >> 8) % 8];
            uint place = (r >> 4) % 4;
            yield return new Customer(
                i,
                $"  {first}.{last}{r % 1000}@Example.COM ",
                $"+1 (650) 555-{(r % 10000).ToString("D4", CultureInfo.InvariantCulture)}",
                first,
                last,
                Cities[place],
                States[place],
                (10000 + (r % 89999)).ToString(CultureInfo.InvariantCulture),
                "US",
                $"cust-{r}",
                $"203.0.{(r >> 16) & 255}.{r & 255}",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15",
                $"fb.1.1554763741205.AbCdEf{r}",
                $"fb.1.1558571054389.{r}",
                (r % 100000) / 100m,
                [.. Enumerable.Range(0, 3).Select(k => ($"sku-{(r + (uint)k) % 50}", k + 1, ((r >> k) % 5000) / 100m))],
                $"order-{i}",
                $"evt-{i}",
                $"https://shop.example/checkout/{i}");
        }
    }
}
