using System.Buffers;
using System.Text;
using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Tests.Model;

/// <summary>
/// A rich builder-built request written byte for byte as the builders wrote it when each value was hashed on add
/// (<c>Data/rich-request.json</c> was written by that code; <c>Data/grouped-fields-request.json</c> and
/// <c>Data/messaging-request.json</c> by the builders that still held every field themselves): however the builders store and hash values, the body Meta receives must
/// not change.
/// </summary>
public sealed class RequestBytesTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Sha256Hash Known = Sha256Hash.Parse("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f");
    private static string Expected => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", "Data", "rich-request.json")).TrimEnd('\n');

    [Fact]
    public void A_rich_request_writes_the_same_bytes_as_hashing_on_add()
    {
        Assert.Equal(Expected, Write(RichRequest()));
    }

    [Fact]
    public void Reading_the_hashes_before_writing_changes_neither_the_digests_nor_the_bytes()
    {
        EventRequest request = RichRequest();
        UserData first = request.Data[0].UserData;
        Sha256Hash[] emails = [.. first.Email];

        Assert.Equal([PiiNormalizer.Normalize("em", " Mary.Smith@Example.COM ").ComputeHash(), PiiNormalizer.Normalize("em", "zoë@example.com").ComputeHash(), Known], emails);
        Assert.Equal(PiiNormalizer.Normalize("ph", "+1 (650) 555-1212").ComputeHash(), Assert.Single(first.Phone));
        Assert.Equal(PiiNormalizer.Normalize("external_id", "cust-42").ComputeHash(), first.AppUserId);
        Assert.Equal(Expected, Write(request));
        Assert.Equal(emails, first.Email);
    }

    [Fact]
    public void Writing_twice_and_through_every_entry_point_gives_the_same_bytes()
    {
        EventRequest request = RichRequest();

        Assert.Equal(Expected, Write(request));
        Assert.Equal(Expected, request.ToJson());
        using JsonDocument document = JsonDocument.Parse(Expected);
        string firstEvent = document.RootElement.GetProperty("data")[0].GetRawText();
        Assert.Equal(firstEvent, request.Data[0].ToJson());
        ArrayBufferWriter<byte> buffer = new();
        request.Data[0].WriteTo(buffer);
        Assert.Equal(firstEvent, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Events_written_one_by_one_in_a_request_batch_give_the_request_bytes()
    {
        EventRequest request = RichRequest();
        using JsonDocument document = JsonDocument.Parse(Expected);
        List<ServerEvent> events = [.. request.Data];

        // As the delivery client writes them: each event on its own, every pending value hashed in one batch.
        using (CapiKit.Json.RequestHashes.Begin(events))
        {
            for (int i = 0; i < events.Count; i++)
            {
                Assert.Equal(document.RootElement.GetProperty("data")[i].GetRawText(), events[i].ToJson());
            }
        }

        Assert.Equal(Expected, Write(request));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public void Hashes_written_in_one_raw_run_are_the_bytes_of_the_writer_writing_each_token(int emails)
    {
        UserData data = new UserData().SetAppUserId("user-1").AddPhoneHash(Known);
        for (int i = 0; i < emails; i++)
        {
            data.AddEmail($"user{i}@example.com");
        }

        // Indented output takes the writer's own tokens; minified again it must equal the raw runs.
        ArrayBufferWriter<byte> indented = new();
        using (Utf8JsonWriter writer = new(indented, new JsonWriterOptions { Indented = true }))
        {
            data.WriteTo(writer);
        }

        using JsonDocument document = JsonDocument.Parse(indented.WrittenMemory);
        Assert.Equal(JsonText(document.WriteTo), JsonText(data.WriteTo));
        Assert.Equal(emails, document.RootElement.GetProperty("em").GetArrayLength());
    }

    [Fact]
    public void A_clone_keeps_the_values_and_its_own_additions_stay_its_own()
    {
        UserData original = new UserData(new NormalizationOptions { DefaultRegion = "US" }).AddEmail("a@example.com");
        UserData copy = original.Clone().AddEmail("b@example.com");

        Assert.Single(original.Email);
        Assert.Equal(2, copy.Email.Count);
        Assert.Equal(original.Email[0], copy.Email[0]);
    }

    [Fact]
    public void Rejected_values_are_reported_on_add_and_never_written()
    {
        UserData data = new UserData().AddEmail("not an email").AddPhone("12");

        Assert.Equal(2, data.Rejected.Count);
        Assert.Empty(data.Email);
        Assert.Equal("{\"data\":[{\"event_name\":\"Lead\",\"event_time\":1796040000,\"user_data\":{},\"action_source\":\"email\"}]}", Write(new EventRequest([ServerEvent.ForEmail(EventDefinition.Lead, Time, data)])));
    }

    [Fact]
    public void Fields_kept_apart_by_group_write_as_before_and_clones_do_not_share_them()
    {
        CustomData travel = new CustomData().SetValue(420m).SetCurrency("EUR").SetCheckinDate("2026-12-24").SetNumAdults(2)
            .SetTravelClass(TravelClass.Business).AddDestinationId("PAR").AddDestinationId("NCE").SetMake("Renault").SetYear(2024)
            .SetPropertyType("apartment").SetLevel("7").SetMaxRatingValue(5).SetSuccess(1)
            .AddContent(new Content().SetId("trip-1").SetQuantity(1).SetTitle("Paris").SetDescription("Two nights").SetBrand("Rail"));
        ServerEvent e = ServerEvent.ForWebsite(EventDefinition.Custom("TravelBooked"), Time, "https://shop.example/t", "Mozilla/5.0")
            .SetCustomData(travel).SetAdvancedMeasurementTable("amt");
        CustomData copy = travel.Clone().AddDestinationId("LYS").SetNumAdults(3);

        Assert.Equal(ExpectedGrouped, Write(new EventRequest([e])));
        Assert.Equal(["PAR", "NCE"], travel.DestinationIds);
        Assert.Equal(2, travel.NumAdults);
        Assert.Equal(["PAR", "NCE", "LYS"], copy.DestinationIds);
        Assert.Null(new CustomData().CheckinDate);
    }

    [Fact]
    public void Business_messaging_and_app_identifiers_kept_apart_write_as_before()
    {
        UserData data = new UserData().AddEmail("a@example.com").SetClientIpAddress("203.0.113.9").SetAnonId("anon-1").SetMobileAdvertiserId("madid-1")
            .SetPageId("123").SetPageScopedUserId("456").SetClickToWhatsAppClickId("ctwa-1").SetWhatsAppBusinessAccountId("789")
            .SetInstagramAccountId("ig-1").SetInstagramBusinessAccountId("igb-1").SetInstagramScopedUserId("igs-1").SetLeadId(42);
        ServerEvent e = ServerEvent.ForBusinessMessaging(EventDefinition.LeadSubmitted, Time, MessagingChannel.Whatsapp, data);
        UserData copy = data.Clone().SetPageId("999");

        Assert.Equal(ExpectedMessaging, Write(new EventRequest([e])));
        Assert.Equal("123", data.PageId);
        Assert.Equal("999", copy.PageId);
        Assert.Null(new UserData().AnonId);
    }

    private static string ExpectedMessaging => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", "Data", "messaging-request.json")).TrimEnd('\n');

    [Fact]
    public void A_cleared_single_value_key_is_neither_read_nor_written_and_the_others_stay()
    {
        UserData data = new UserData().SetAppUserId("user-1").AddEmail("a@example.com").SetAppUserId(" ").AddExternalId("x-1");

        Assert.Null(data.AppUserId);
        Assert.Single(data.Email);
        data.SetAppUserIdHash(Known);
        Assert.Equal(Known, data.AppUserId);
        Assert.Equal(
            $"{{\"em\":[\"{data.Email[0]}\"],\"external_id\":[\"{data.ExternalId[0]}\"],\"app_user_id\":\"{Known}\"}}",
            JsonText(data.WriteTo));
    }

    [Fact]
    public void A_value_set_to_its_default_is_still_set_and_written_and_one_never_set_is_not()
    {
        CustomData data = new CustomData().SetNumItems(0).SetValue(0m);

        Assert.Equal(0, data.NumItems);
        Assert.Equal(0m, data.Value);
        Assert.Null(data.PredictedLtv);
        Assert.Null(ServerEvent.ForOther(EventDefinition.Lead, Time).OptOut);
        Assert.Equal("{\"value\":0,\"num_items\":0}", JsonText(data.WriteTo));
    }

    private static string JsonText(Action<Utf8JsonWriter> write)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ExpectedGrouped => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", "Data", "grouped-fields-request.json")).TrimEnd('\n');

    private static EventRequest RichRequest()
    {
        NormalizationOptions us = new() { DefaultRegion = "US" };
        UserData shared = new UserData(us)
            .AddEmail(" Mary.Smith@Example.COM ").AddEmail("mary.smith@example.com").AddEmail("zoë@example.com").AddEmailHash(Known)
            .AddPhone("+1 (650) 555-1212").AddPhone("(650) 555 1212").AddPhone("not a phone")
            .AddFirstName("Mary").AddFirstName("  MARY ").AddLastName("Smith-Jones").AddDateOfBirth("1990-02-14").AddGender("Female")
            .AddCity("New York").AddCity("São Paulo").AddState("California").AddZipCode("94025-1234").AddCountry("United States")
            .AddExternalId("cust-42").AddExternalId("cust-43").AddExternalIdHash(Known)
            .SetClientIpAddress("203.0.113.7").SetClientUserAgent("Mozilla/5.0").SetClickId("fb.1.1554763741205.AbCdEf")
            .SetBrowserId("fb.1.1558571054389.1098115397").SetFacebookLoginId(1234567890).SetLeadId(987654321)
            .AddFirstNameFirstFive("Marya").AddLastNameFirstFive("Smith").AddFirstInitial("M").AddDayOfBirth("14").AddMonthOfBirth("02")
            .AddYearOfBirth("1990").SetAppUserId("cust-42");
        ServerEvent purchase = ServerEvent.ForWebsite(EventDefinition.Purchase(123.45m, "usd"), Time, "https://shop.example/checkout/1", "Mozilla/5.0", shared)
            .SetEventId("evt-1");
        purchase.CustomData!.SetOrderId("order-1")
            .AddContent(new Content().SetId("sku-1").SetQuantity(2).SetItemPrice(10.5m))
            .AddContent(new Content().SetId("sku-2").SetQuantity(1).SetItemPrice(102.45m).SetTitle("Boots"));

        UserData second = new UserData(new NormalizationOptions { DefaultRegion = "GB" })
            .AddPhone("020 7946 0958").AddEmail("OTHER@example.org").AddZipCode("SW1A 1AA").AddCountry("gb");
        ServerEvent lead = ServerEvent.ForEmail(EventDefinition.Lead, Time.AddMinutes(-5), second).SetEventId("evt-2");
        ServerEvent again = ServerEvent.ForWebsite(EventDefinition.ViewContent, Time.AddMinutes(-1), "https://shop.example/p/2", "Mozilla/5.0", shared);
        ServerEvent empty = ServerEvent.ForPhysicalStore(EventDefinition.Lead, Time);
        return new EventRequest([purchase, lead, again, empty]).SetTestEventCode("TEST123");
    }

    private static string Write(EventRequest request)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            request.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
