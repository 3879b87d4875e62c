using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CapiKit.Pii;

namespace CapiKit.Benchmarks;

/// <summary>
/// A Purchase with nine hashed keys (raw, messy input), four raw identifiers, value, currency, three contents items,
/// order and event ids and a URL: normalized, hashed and written as a request body, 1,000 events per operation.
/// Times and allocations are per event (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    public const int BatchSize = 1000;

    private static readonly NormalizationOptions Us = new() { DefaultRegion = "US" };
    private Customer[] _customers = [];
    private PurchaseCompleted[] _classes = [];
    private byte[][] _normalized = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(2 * 1024 * 1024);
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        _customers = [.. Inputs.Customers(BatchSize)];
        _classes = [.. _customers.Select(c => PurchaseCompleted.From(c, _now))];
        _normalized = [.. _customers.SelectMany(c => NormalizedValues(c, Us)).Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>CapiKit's builders: ServerEvent.ForWebsite, UserData, CustomData; EventRequest writes the body.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Builders()
    {
        ServerEvent[] events = new ServerEvent[_customers.Length];
        for (int i = 0; i < events.Length; i++)
        {
            events[i] = Build(_customers[i], _now);
        }

        _buffer.ResetWrittenCount();
        using Utf8JsonWriter writer = new(_buffer);
        new EventRequest(events).WriteTo(writer);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>An attributed class writing itself straight to an IBufferWriter, as generated.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int AttributedClassToBufferWriter()
    {
        _buffer.ResetWrittenCount();
        foreach (PurchaseCompleted purchase in _classes)
        {
            purchase.WriteTo(_buffer, Us);
        }

        return _buffer.WrittenCount;
    }

    /// <summary>The floor: SHA-256 alone over the same nine normalized values per event.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int Sha256Floor()
    {
        Span<byte> digest = stackalloc byte[32];
        int sum = 0;
        foreach (byte[] value in _normalized)
        {
            SHA256.HashData(value, digest);
            sum += digest[0];
        }

        return sum;
    }

    public static ServerEvent Build(Customer c, DateTimeOffset now)
    {
        ServerEvent e = ServerEvent.ForWebsite(EventDefinition.Purchase(c.Value, "USD"), now, c.Url, c.UserAgent, new UserData(Us))
            .SetEventId(c.EventId);
        e.UserData
            .AddEmail(c.Email).AddPhone(c.Phone).AddFirstName(c.FirstName).AddLastName(c.LastName).AddCity(c.City).AddState(c.State)
            .AddZipCode(c.Zip).AddCountry(c.Country).AddExternalId(c.ExternalId)
            .SetClientIpAddress(c.Ip).SetClickId(c.Fbc).SetBrowserId(c.Fbp);
        CustomData data = e.CustomData!.SetOrderId(c.OrderId);
        foreach ((string id, int quantity, decimal price) in c.Items)
        {
            data.AddContent(new Content().SetId(id).SetQuantity(quantity).SetItemPrice(price));
        }

        return e;
    }

    /// <summary>The nine hashed values of a customer, normalized as CapiKit sends them.</summary>
    public static IEnumerable<string> NormalizedValues(Customer c, NormalizationOptions options) =>
        Inputs.HashedFields.Select(field => PiiNormalizer.Normalize(field.Key, field.Raw(c), options).Value!);
}
