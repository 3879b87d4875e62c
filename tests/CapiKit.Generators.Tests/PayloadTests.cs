using System.Buffers;
using System.Text;
using System.Text.Json;
using CapiKit.Generators.Tests.UserClasses;
using CapiKit.Pii;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The generated code of the attributed classes in UserClasses/, compiled by the real generator in this project:
/// their payloads carry Meta's documented hashes, and both generated paths write the same bytes.
/// </summary>
public sealed class PayloadTests
{
    private static readonly DateTimeOffset CompletedAt = DateTimeOffset.UtcNow.AddMinutes(-5);

    // Fields rather than literals: CapiKit's own analyzers (CAPI006, CAPI009) run on this project and would
    // rightly flag a constant event id and a lower-case currency written in code.
    private static readonly string FirstOrderId = "order-1001";
    private static readonly string SecondOrderId = "order-2";
    private static readonly string LowerCaseCurrency = "usd";

    private static OrderCompleted Order(string pageUrl = "https://shop.example/checkout/done", string? currency = null) => new()
    {
        CustomerEmail = "John_Smith@gmail.com",
        Phone = "(650)555-1212",
        FirstName = "Valéry",
        BirthDate = "2/16/1997",
        City = "New York",
        Zip = "94035",
        Country = "United States",
        ClientIp = "168.212.226.204",
        UserAgent = "Mozilla/5.0 (X11; Linux x86_64)",
        Total = 142.52m,
        Currency = currency ?? LowerCaseCurrency,
        Items = [new Content().SetId("sku-1").SetQuantity(2).SetItemPrice(71.26m)],
        CompletedAt = CompletedAt,
        OrderId = FirstOrderId,
        PageUrl = pageUrl,
    };

    private static readonly NormalizationOptions Us = new() { DefaultRegion = "US" };

    [Fact]
    public void ToServerEvent_payload_carries_Metas_documented_hashes()
    {
        JsonElement e = JsonDocument.Parse(Order().ToServerEvent(Us).ToJson()).RootElement;
        JsonElement user = e.GetProperty("user_data");

        Assert.Equal("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f", user.GetProperty("em")[0].GetString());
        Assert.Equal("e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176", user.GetProperty("ph")[0].GetString());
        Assert.Equal("08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c", user.GetProperty("fn")[0].GetString());
        Assert.Equal("01acdbf6ec7b4f478a225f1a246e5d6767eeab1a7ffa17f025265b5b94f40f0c", user.GetProperty("db")[0].GetString());
        Assert.Equal("350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5", user.GetProperty("ct")[0].GetString());
        Assert.Equal("1794327a4d443904421f5ca1f3d72d0a62ba2f0770d80755ec2220fc0efb052e", user.GetProperty("zp")[0].GetString());
        Assert.Equal("79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621", user.GetProperty("country")[0].GetString());
        Assert.Equal("168.212.226.204", user.GetProperty("client_ip_address").GetString());
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", user.GetProperty("client_user_agent").GetString());

        Assert.Equal("Purchase", e.GetProperty("event_name").GetString());
        Assert.Equal(CompletedAt.ToUnixTimeSeconds(), e.GetProperty("event_time").GetInt64());
        Assert.Equal("website", e.GetProperty("action_source").GetString());
        Assert.Equal("order-1001", e.GetProperty("event_id").GetString());
        Assert.Equal("https://shop.example/checkout/done", e.GetProperty("event_source_url").GetString());
        Assert.Equal(142.52m, e.GetProperty("custom_data").GetProperty("value").GetDecimal());
        Assert.Equal("USD", e.GetProperty("custom_data").GetProperty("currency").GetString());
        JsonElement item = Assert.Single(e.GetProperty("custom_data").GetProperty("contents").EnumerateArray().ToArray());
        Assert.Equal("sku-1", item.GetProperty("id").GetString());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public void The_direct_writer_and_the_builder_write_the_same_bytes()
    {
        OrderCompleted order = Order();
        ArrayBufferWriter<byte> buffer = new();

        order.WriteTo(buffer, Us);

        Assert.Equal(order.ToServerEvent(Us).ToJson(), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Names_and_values_the_encoders_treat_differently_write_the_same_bytes_on_both_paths()
    {
        GiftCardRedeemed redeemed = new() { CardHolder = "holder-7", Store = "Zürich <Bahnhof> & \"Süd\"", RedeemedAt = CompletedAt };
        ArrayBufferWriter<byte> buffer = new();

        redeemed.WriteTo(buffer, Us);
        string json = redeemed.ToServerEvent(Us).ToJson();

        Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Contains("\"event_name\":\"Café & Crème 'Bon'+\"", json, StringComparison.Ordinal);
        Assert.Equal("Café & Crème 'Bon'+", JsonDocument.Parse(json).RootElement.GetProperty("event_name").GetString());
    }

    [Fact]
    public void No_raw_personal_data_reaches_the_payload()
    {
        string json = Order().ToServerEvent(Us).ToJson();

        foreach (string raw in new[] { "John_Smith", "john_smith", "555-1212", "5551212", "Valéry", "valéry", "1997", "New York", "newyork", "94035", "United States" })
        {
            Assert.DoesNotContain(raw, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Values_that_cannot_be_normalized_are_left_out_and_reported()
    {
        OrderCompleted order = Order();
        OrderCompleted broken = new()
        {
            CustomerEmail = "not-an-email",
            ClientIp = "999.1.1.1",
            UserAgent = order.UserAgent,
            Currency = "USD",
            OrderId = SecondOrderId,
            PageUrl = "https://shop.example/",
            CompletedAt = CompletedAt,
        };

        ServerEvent built = broken.ToServerEvent();
        List<NormalizationError> rejected = [];
        ArrayBufferWriter<byte> buffer = new();
        broken.WriteTo(buffer, rejected: rejected);

        Assert.Equal(["em", "client_ip_address"], built.Rejected.Select(r => r.Field));
        Assert.Equal(["em", "client_ip_address"], rejected.Select(r => r.Field));
        JsonElement user = JsonDocument.Parse(built.ToJson()).RootElement.GetProperty("user_data");
        Assert.False(user.TryGetProperty("em", out _));
        Assert.False(user.TryGetProperty("client_ip_address", out _));
        Assert.Equal(built.ToJson(), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Custom_keys_of_an_extension_file_reach_custom_data()
    {
        DateTime convertedAt = DateTime.UtcNow.AddHours(-1);
        TrialConverted trial = new()
        {
            AccountId = " Acct-42 ",
            Emails = ["a@example.com", "A@Example.com ", "b@example.com"],
            PlanId = "pro-annual",
            Seats = 5,
            Value = 99.5,
            ConvertedAtUtc = convertedAt,
        };

        JsonElement e = JsonDocument.Parse(trial.ToServerEvent().ToJson()).RootElement;

        Assert.Equal("TrialConverted", e.GetProperty("event_name").GetString());
        Assert.Equal("system_generated", e.GetProperty("action_source").GetString());
        Assert.Equal(new DateTimeOffset(convertedAt).ToUnixTimeSeconds(), e.GetProperty("event_time").GetInt64());
        Assert.Equal(Sha256Hash.Compute("acct-42").ToString(), e.GetProperty("user_data").GetProperty("external_id")[0].GetString());
        Assert.Equal(2, e.GetProperty("user_data").GetProperty("em").GetArrayLength());
        Assert.Equal("pro-annual", e.GetProperty("custom_data").GetProperty("plan_id").GetString());
        Assert.Equal(5, e.GetProperty("custom_data").GetProperty("seats").GetInt32());
        Assert.Equal("EUR", e.GetProperty("custom_data").GetProperty("currency").GetString());

        ArrayBufferWriter<byte> buffer = new();
        trial.WriteTo(buffer);
        Assert.Equal(trial.ToServerEvent().ToJson(), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Extension_files_become_typed_members()
    {
        EventDefinition definition = SubscriptionsEvents.TrialConverted("pro-annual", 99.5m, "eur");
        CustomData data = new CustomData().SetPlanId("basic").SetSeats(3);

        Assert.Equal("TrialConverted", definition.Name);
        Assert.Equal("pro-annual", definition.RequiredCustomData!.CustomProperties["plan_id"]);
        Assert.Equal("EUR", definition.RequiredCustomData.Currency);
        Assert.Equal(3L, data.CustomProperties[SubscriptionsCustomData.Keys.Seats]);
    }

    [Fact]
    public void Every_member_kind_writes_the_same_bytes_on_both_paths()
    {
        long seconds = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeSeconds();
        StoreVisit visit = new()
        {
            Phones = ["+44 20 7946 0958", "020 7946 0958", "+44 7911 123456"],
            LeadId = 1234567890123456,
            HashedCustomerId = Sha256Hash.Compute("cust-9"),
            Amount = 12.5,
            Delivery = DeliveryCategory.InStore,
            Skus = ["a", "b"],
            Items = 2,
            UnixSeconds = seconds,
            Options = [DataProcessingOption.LimitedDataUse],
            Country = DataProcessingOptionsCountry.Geolocate,
            State = DataProcessingOptionsState.Geolocate,
            Original = new OriginalEventData().SetEventName("Lead").SetOrderId("o-1"),
        };
        NormalizationOptions gb = new() { DefaultRegion = "GB" };
        ArrayBufferWriter<byte> buffer = new();

        visit.WriteTo(buffer, gb);
        string json = visit.ToServerEvent(gb).ToJson();

        Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));
        JsonElement e = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, e.GetProperty("user_data").GetProperty("ph").GetArrayLength());
        Assert.Equal(1234567890123456, e.GetProperty("user_data").GetProperty("lead_id").GetInt64());
        Assert.Equal(Sha256Hash.Compute("cust-9").ToString(), e.GetProperty("user_data").GetProperty("external_id")[0].GetString());
        Assert.Equal(seconds, e.GetProperty("event_time").GetInt64());
        Assert.Equal("physical_store", e.GetProperty("action_source").GetString());
        Assert.Equal("in_store", e.GetProperty("custom_data").GetProperty("delivery_category").GetString());
        Assert.Equal("LDU", e.GetProperty("data_processing_options")[0].GetString());
        Assert.Equal(0, e.GetProperty("data_processing_options_state").GetInt32());
        Assert.Equal("o-1", e.GetProperty("original_event_data").GetProperty("order_id").GetString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    public void A_double_that_is_no_JSON_number_is_left_out_on_both_paths_instead_of_throwing(double amount)
    {
        StoreVisit visit = new() { Amount = amount, UnixSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
        ArrayBufferWriter<byte> buffer = new();

        visit.WriteTo(buffer);
        string json = visit.ToServerEvent().ToJson();

        Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.False(JsonDocument.Parse(json).RootElement.GetProperty("custom_data").TryGetProperty("value", out _));
    }

    [Theory]
    [InlineData("/checkout/done", "USD", "event_source_url")]
    [InlineData("", "USD", "event_source_url")]
    [InlineData("https://shop.example/checkout", "", "currency")]
    [InlineData("https://shop.example/checkout", "dollars", "currency")]
    public void A_customer_derived_URL_or_currency_that_cannot_be_used_is_rejected_not_thrown(string url, string currency, string key)
    {
        OrderCompleted order = Order(url, currency);
        List<NormalizationError> rejected = [];
        ArrayBufferWriter<byte> buffer = new();

        ServerEvent e = order.ToServerEvent();
        order.WriteTo(buffer, rejected: rejected);

        Assert.Contains(e.Rejected, r => r.Field == key);
        Assert.Contains(rejected, r => r.Field == key);
        Assert.Equal(e.ToJson(), Encoding.UTF8.GetString(buffer.WrittenSpan));
        JsonElement root = JsonDocument.Parse(e.ToJson()).RootElement;
        JsonElement owner = key == "currency" ? root.GetProperty("custom_data") : root;
        Assert.False(owner.TryGetProperty(key, out _));
    }

    [Fact]
    public void An_event_time_never_set_is_the_time_of_sending_not_year_one()
    {
        StoreVisit visit = new() { Amount = 5 };   // UnixSeconds left at 0
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        long sent = JsonDocument.Parse(visit.ToServerEvent().ToJson()).RootElement.GetProperty("event_time").GetInt64();

        Assert.InRange(sent, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
