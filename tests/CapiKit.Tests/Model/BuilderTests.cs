using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Tests.Model;

/// <summary>The generated builders: what they require, what they check, and what they never reveal.</summary>
public sealed class BuilderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static ServerEvent Website(EventDefinition definition) =>
        ServerEvent.ForWebsite(definition, Now, "https://shop.example/p/1", "Mozilla/5.0");

    [Fact]
    public void A_website_factory_sets_the_fields_Meta_requires_for_website_events()
    {
        JsonElement e = Parse(Website(EventDefinition.ViewContent));

        Assert.Equal("website", e.GetProperty("action_source").GetString());
        Assert.Equal("https://shop.example/p/1", e.GetProperty("event_source_url").GetString());
        Assert.Equal("Mozilla/5.0", e.GetProperty("user_data").GetProperty("client_user_agent").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), e.GetProperty("event_time").GetInt64());
    }

    [Fact]
    public void A_purchase_carries_the_value_and_currency_it_was_defined_with()
    {
        JsonElement data = Parse(Website(EventDefinition.Purchase(19.99m, "eur"))).GetProperty("custom_data");

        Assert.Equal(19.99m, data.GetProperty("value").GetDecimal());
        Assert.Equal("EUR", data.GetProperty("currency").GetString());
    }

    [Fact]
    public void Events_made_from_one_definition_do_not_share_custom_data()
    {
        EventDefinition purchase = EventDefinition.Purchase(10m, "USD");
        ServerEvent first = Website(purchase);
        ServerEvent second = Website(purchase);

        first.CustomData!.SetOrderId("A-1");

        Assert.Null(second.CustomData!.OrderId);
        Assert.Null(purchase.RequiredCustomData!.OrderId);
    }

    [Theory]
    [InlineData("Purchase")]
    [InlineData("")]
    [InlineData("  ")]
    public void Custom_names_that_would_bypass_a_requirement_are_refused(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => EventDefinition.Custom(name));

    [Fact]
    public void A_business_messaging_event_needs_its_channel()
    {
        JsonElement e = Parse(ServerEvent.ForBusinessMessaging(EventDefinition.LeadSubmitted, Now, MessagingChannel.Whatsapp));

        Assert.Equal("business_messaging", e.GetProperty("action_source").GetString());
        Assert.Equal("whatsapp", e.GetProperty("messaging_channel").GetString());
    }

    [Fact]
    public void Raw_identifiers_with_the_wrong_format_are_dropped_and_reported()
    {
        ServerEvent e = Website(EventDefinition.AddToCart);
        e.UserData.SetClientIpAddress("not an ip").SetClickId("fbclid=abc").SetBrowserId("fb.1.1558571054389.1098115397");

        Assert.Equal(["client_ip_address", "fbc"], e.Rejected.Select(r => r.Field));
        Assert.All(e.Rejected, r => Assert.Equal(NormalizationFailure.InvalidFormat, r.Reason));
        JsonElement user = Parse(e).GetProperty("user_data");
        Assert.False(user.TryGetProperty("client_ip_address", out _));
        Assert.Equal("fb.1.1558571054389.1098115397", user.GetProperty("fbp").GetString());
    }

    [Theory]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("168.212.226.204")]
    public void IPv4_and_IPv6_addresses_are_accepted(string ip) =>
        Assert.Empty(Website(EventDefinition.Lead).UserData.SetClientIpAddress(ip).Rejected);

    [Fact]
    public void Click_ids_with_a_parameter_builder_appendix_are_accepted() =>
        Assert.Empty(Website(EventDefinition.Lead).UserData.SetClickId("fb.1.1554763741205.AbCdEf-_123.AQQCAQMC").Rejected);

    [Fact]
    public void Developer_mistakes_in_non_personal_fields_throw()
    {
        Assert.Throws<ArgumentException>(() => ServerEvent.ForWebsite(EventDefinition.Lead, Now, "shop.example/p/1", "ua"));
        Assert.Throws<ArgumentException>(() => EventDefinition.Purchase(1m, "US Dollar"));
        Assert.Throws<ArgumentNullException>(() => ServerEvent.ForWebsite(EventDefinition.Lead, Now, null!, "ua"));
    }

    [Fact]
    public void Personal_data_never_appears_in_ToString()
    {
        ServerEvent e = Website(EventDefinition.Lead);
        e.UserData.AddEmail("Jane.Secret@example.com").AddPhone("+1 650 555 1212").SetClientIpAddress("10.1.2.3");

        Assert.DoesNotContain("secret", e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("555", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.UserData.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", e.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hashed_keys_are_deduplicated_after_normalization()
    {
        UserData user = new UserData(new NormalizationOptions { DefaultRegion = "US" })
            .AddEmail("A@Example.com").AddEmail(" a@example.com").AddPhone("(650) 555-1212").AddPhone("+1 650-555-1212");

        Assert.Single(user.Email);
        Assert.Single(user.Phone);
    }

    [Fact]
    public void ExtInfo_always_writes_sixteen_slots()
    {
        ServerEvent e = ServerEvent.ForApp(EventDefinition.Purchase(1m, "USD"), Now, new AppData(false, new ExtInfo("a2", "14")));
        JsonElement app = Parse(e).GetProperty("app_data");

        Assert.Equal(ExtInfo.Length, app.GetProperty("extinfo").GetArrayLength());
        Assert.Equal(["a2", "", "", "", "14"], app.GetProperty("extinfo").EnumerateArray().Take(5).Select(s => s.GetString()));
        Assert.Equal(0, app.GetProperty("advertiser_tracking_enabled").GetInt32());
    }

    [Fact]
    public void Limited_data_use_writes_its_numeric_codes()
    {
        ServerEvent e = Website(EventDefinition.Lead)
            .AddDataProcessingOption(DataProcessingOption.LimitedDataUse)
            .SetDataProcessingOptionsCountry(DataProcessingOptionsCountry.UnitedStates)
            .SetDataProcessingOptionsState(DataProcessingOptionsState.California);
        JsonElement json = Parse(e);

        Assert.Equal("LDU", json.GetProperty("data_processing_options")[0].GetString());
        Assert.Equal(1, json.GetProperty("data_processing_options_country").GetInt32());
        Assert.Equal(1000, json.GetProperty("data_processing_options_state").GetInt32());
    }

    [Fact]
    public void Custom_properties_are_written_after_the_standard_keys_and_cannot_shadow_them()
    {
        CustomData data = new CustomData().SetValue(5m).SetCustomProperty("loyalty_tier", "gold").SetCustomProperty("points", 120L);

        Assert.Throws<ArgumentException>(() => data.SetCustomProperty("value", 3m));
        JsonElement json = JsonDocument.Parse(CapiKit.Json.JsonText.ToJson(data.WriteTo)).RootElement;
        Assert.Equal(["value", "loyalty_tier", "points"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_request_over_the_batch_limit_is_refused()
    {
        ServerEvent[] events = Enumerable.Range(0, CapiSchema.MaxEventsPerRequest + 1).Select(_ => Website(EventDefinition.Lead)).ToArray();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new EventRequest(events).ToJson());
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_value_round_trips_through_its_payload_spelling()
    {
        foreach (ActionSource value in Enum.GetValues<ActionSource>())
        {
            Assert.True(PayloadValues.TryParseActionSource(value.ToPayloadValue(), out ActionSource parsed));
            Assert.Equal(value, parsed);
        }

        foreach (StandardEvent value in Enum.GetValues<StandardEvent>())
        {
            Assert.True(PayloadValues.TryParseStandardEvent(value.ToPayloadValue(), out StandardEvent parsed));
            Assert.Equal(value, parsed);
        }

        Assert.Equal("em", UserDataField.Email.ToPayloadValue());
        Assert.Equal("physical_store", ActionSource.PhysicalStore.ToPayloadValue());
        Assert.False(PayloadValues.TryParseActionSource("Website", out _));
    }

    [Fact]
    public void The_default_enum_value_is_no_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(ActionSource).ToPayloadValue());
        Assert.False(Enum.IsDefined(default(ActionSource)));
    }

    [Fact]
    public void The_event_time_windows_come_from_the_schema()
    {
        Assert.Equal(7, CapiSchema.MaxAgeDays(ActionSource.Website));
        Assert.Equal(62, CapiSchema.MaxAgeDays(ActionSource.PhysicalStore));
        Assert.Equal(300, CapiSchema.MaxFutureSeconds);
    }

    private static JsonElement Parse(ServerEvent e) => JsonDocument.Parse(e.ToJson()).RootElement;
}
