using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Tests.Schema;

/// <summary>
/// Every parameter of reference/capi-parameters.md is in the schema, where Meta puts it. The lists below are
/// transcribed from that reference, section by section; the schema may hold more, never less.
/// </summary>
public sealed class SchemaCoverageTests
{
    public static TheoryData<string, string[]> ParametersByObject => new()
    {
        { "request", ["data", "access_token", "test_event_code", "partner_agent", "namespace_id", "upload_id", "upload_tag", "upload_source", "appsecret_proof"] },
        {
            "server_event",
            ["event_name", "event_time", "user_data", "custom_data", "event_source_url", "opt_out", "event_id", "action_source",
             "data_processing_options", "data_processing_options_country", "data_processing_options_state", "app_data", "referrer_url",
             "original_event_data", "customer_segmentation", "messaging_channel", "attribution_data", "advanced_measurement_table"]
        },
        {
            "user_data",
            ["em", "ph", "fn", "ln", "db", "ge", "ct", "st", "zp", "country", "external_id", "client_ip_address", "client_user_agent",
             "fbc", "fbp", "subscription_id", "fb_login_id", "lead_id", "anon_id", "madid", "page_id", "page_scoped_user_id", "ctwa_clid",
             "whatsapp_business_account_id", "ig_account_id", "instagram_business_account_id", "ig_sid",
             "f5first", "f5last", "fi", "dobd", "dobm", "doby", "app_user_id"]
        },
        {
            "custom_data",
            ["value", "currency", "net_revenue", "content_ids", "content_type", "contents", "content_name", "content_category", "order_id",
             "predicted_ltv", "num_items", "search_string", "status", "delivery_category", "item_number", "customer_segmentation",
             "lead_event_source", "event_source", "description", "level", "max_rating_value", "success",
             "checkin_date", "destination_airport", "make", "vin", "property_type", "travel_class", "num_adults"]
        },
        { "content", ["id", "quantity", "item_price", "delivery_category", "title", "description", "brand", "category"] },
        {
            "app_data",
            ["advertiser_tracking_enabled", "application_tracking_enabled", "extinfo", "campaign_ids", "install_referrer", "installer_package",
             "url_schemes", "vendor_id", "windows_attribution_id", "consider_views", "include_dwell_data", "include_video_data", "receipt_data", "app_user_id"]
        },
        { "original_event_data", ["event_name", "event_time", "order_id", "event_id"] },
        {
            "attribution_data",
            ["scope", "visit_time", "ad_id", "adset_id", "campaign_id", "attribution_share", "attribution_model", "attr_window", "attribution_value",
             "attribution_source", "touchpoint_type", "touchpoint_ts", "attribution_method", "decline_reason", "auditing_token", "linkage_key",
             "touchpoint_id", "attribution_setting", "total_credit", "partner_client_id"]
        },
        { "attribution_setting", ["inactivity_window_hours", "reattribution_window_hours"] },
        { "response.success", ["events_received", "messages", "fbtrace_id"] },
        { "response.error", ["message", "type", "code", "error_subcode", "is_transient", "error_user_title", "error_user_msg", "fbtrace_id"] },
    };

    [Theory]
    [MemberData(nameof(ParametersByObject))]
    public void Every_documented_parameter_is_in_the_schema(string owner, string[] parameters)
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        HashSet<string> names = FieldNames(schema.RootElement, owner);

        Assert.Equal([], parameters.Where(p => !names.Contains(p)).ToArray());
    }

    [Fact]
    public void Every_field_name_is_unique_within_its_object()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        foreach (JsonProperty owner in schema.RootElement.GetProperty("objects").EnumerateObject())
        {
            string[] names = owner.Value.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Standard_events_action_sources_and_enums_are_complete()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        JsonElement root = schema.RootElement;

        string[] events = root.GetProperty("standardEvents").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        Assert.Superset(
            new HashSet<string>(["AddPaymentInfo", "AddToCart", "AddToWishlist", "CompleteRegistration", "Contact", "CustomizeProduct", "Donate",
                "FindLocation", "InitiateCheckout", "Lead", "Purchase", "Schedule", "Search", "StartTrial", "SubmitApplication", "Subscribe",
                "ViewContent", "PageView", "LeadSubmitted", "OrderCreated", "OrderShipped", "OrderDelivered", "OrderCanceled", "OrderReturned",
                "CartAbandoned", "QualifiedLead", "RatingProvided", "ReviewProvided", "MobileAppInstall"]),
            events.ToHashSet());

        string[] sources = root.GetProperty("actionSources").EnumerateArray().Select(e => e.GetProperty("value").GetString()!).ToArray();
        Assert.Equal(["website", "app", "email", "phone_call", "chat", "physical_store", "system_generated", "business_messaging", "other"], sources);

        JsonElement purchase = root.GetProperty("standardEvents").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Purchase");
        Assert.Equal(["value", "currency"], purchase.GetProperty("requiredCustomData").EnumerateArray().Select(v => v.GetString()));

        JsonElement enums = root.GetProperty("enums");
        Assert.Equal(15, enums.GetProperty("data_processing_options_state").GetProperty("values").GetArrayLength());
        Assert.Equal(9, enums.GetProperty("customer_segmentation").GetProperty("values").GetArrayLength());
        Assert.Equal(16, root.GetProperty("objects").GetProperty("app_data").GetProperty("extinfo").GetProperty("slots").GetArrayLength());
    }

    [Fact]
    public void Event_time_and_request_limits_match_Metas_rules()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        JsonElement root = schema.RootElement;

        Assert.Equal(1000, root.GetProperty("request").GetProperty("maxEvents").GetInt32());
        Assert.Equal(7, root.GetProperty("eventTime").GetProperty("maxAgeDays").GetInt32());
        Assert.Equal(62, root.GetProperty("actionSources").EnumerateArray()
            .Single(a => a.GetProperty("value").GetString() == "physical_store").GetProperty("maxAgeDays").GetInt32());
        Assert.InRange(root.GetProperty("eventTime").GetProperty("maxFutureSeconds").GetInt32(), 1, 3600);
    }

    [Fact]
    public void Every_reference_between_objects_and_enums_resolves()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        JsonElement root = schema.RootElement;
        HashSet<string> objects = root.GetProperty("objects").EnumerateObject().Select(p => p.Name).ToHashSet();
        HashSet<string> enums = root.GetProperty("enums").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (JsonElement field in AllFields(root))
        {
            JsonElement type = field.TryGetProperty("items", out JsonElement items) ? items : field;
            if (type.TryGetProperty("object", out JsonElement objectName))
            {
                Assert.Contains(objectName.GetString()!, objects);
            }

            if (type.TryGetProperty("enum", out JsonElement enumName))
            {
                Assert.Contains(enumName.GetString()!, enums);
            }
        }
    }

    [Fact]
    public void The_normalizations_the_schema_names_are_exactly_the_ones_CapiKit_implements()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        string[] named = schema.RootElement.GetProperty("normalizations").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToArray();

        Assert.Equal(named.Order(StringComparer.Ordinal), CapiKit.Pii.Rules.NormalizationRules.Names.Order(StringComparer.Ordinal));
        Assert.All(PiiNormalizer.Keys.Where(k => k.IsHashed), k => Assert.Contains(k.Normalization!, named));
    }

    [Fact]
    public void The_runtime_reads_the_same_schema_file()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        int userDataFields = schema.RootElement.GetProperty("objects").GetProperty("user_data").GetProperty("fields").GetArrayLength();

        Assert.Equal(userDataFields, PiiNormalizer.Keys.Count);
        Assert.Equal(CapiKit.CapiSchema.GraphApiVersion, schema.RootElement.GetProperty("graphApiVersion").GetString());
    }

    private static HashSet<string> FieldNames(JsonElement root, string owner)
    {
        JsonElement fields = owner switch
        {
            "request" => root.GetProperty("request").GetProperty("fields"),
            "response.success" => root.GetProperty("response").GetProperty("success"),
            "response.error" => root.GetProperty("response").GetProperty("error"),
            _ => root.GetProperty("objects").GetProperty(owner).GetProperty("fields"),
        };
        return fields.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<JsonElement> AllFields(JsonElement root) =>
        root.GetProperty("objects").EnumerateObject().SelectMany(o => o.Value.GetProperty("fields").EnumerateArray())
            .Concat(root.GetProperty("request").GetProperty("fields").EnumerateArray());
}
