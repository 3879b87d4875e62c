using System.Text.Json;
using BenchmarkDotNet.Running;
using CapiKit;
using CapiKit.Benchmarks;

// dotnet run -c Release --project benchmarks/CapiKit.Benchmarks -- --check   hashes of the first 50 events, as JSON lines
// dotnet run -c Release --project benchmarks/CapiKit.Benchmarks -- [BenchmarkDotNet arguments]
string[] hashedKeys = ["em", "ph", "fn", "ln", "ct", "st", "zp", "country", "external_id"];
if (args.Contains("--check"))
{
    DateTimeOffset now = DateTimeOffset.UtcNow;
    foreach (Customer customer in Inputs.Customers(50))
    {
        JsonElement user = JsonDocument.Parse(PipelineBenchmarks.Build(customer, now).ToJson()).RootElement.GetProperty("user_data");
        Dictionary<string, JsonElement?> hashes = hashedKeys.ToDictionary(key => key, key => user.TryGetProperty(key, out JsonElement value) ? value : (JsonElement?)null);
        Console.WriteLine(JsonSerializer.Serialize(hashes));
    }

    return;
}

if (args.Contains("--breakdown"))
{
    // Where a Purchase's time goes, key by key: a rough profile for the notes, not a benchmark.
    Customer[] customers = [.. Inputs.Customers(PipelineBenchmarks.BatchSize)];
    CapiKit.Pii.NormalizationOptions us = new() { DefaultRegion = "US" };
    foreach ((string key, Func<Customer, string> raw) in new (string, Func<Customer, string>)[]
    {
        ("em", c => c.Email), ("ph", c => c.Phone), ("fn", c => c.FirstName), ("ln", c => c.LastName), ("ct", c => c.City),
        ("st", c => c.State), ("zp", c => c.Zip), ("country", c => c.Country), ("external_id", c => c.ExternalId),
    })
    {
        for (int warm = 0; warm < 3; warm++)
        {
            foreach (Customer c in customers)
            {
                _ = CapiKit.Pii.PiiNormalizer.Normalize(key, raw(c), us).ComputeHash();
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (Customer c in customers)
        {
            _ = CapiKit.Pii.PiiNormalizer.Normalize(key, raw(c), us).ComputeHash();
        }

        TimeSpan elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"{key,-12} {elapsed.TotalMicroseconds / customers.Length,8:F2} us/value {(GC.GetAllocatedBytesForCurrentThread() - allocated) / customers.Length,6} B/value");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
