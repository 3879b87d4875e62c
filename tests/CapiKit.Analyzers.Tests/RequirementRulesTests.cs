using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Classes = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.EventClassAnalyzer, CapiKit.CodeFixes.StandardEventNameCodeFixProvider>;
using Builders = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.BuilderUsageAnalyzer, CapiKit.CodeFixes.CurrencyCodeFixProvider>;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.CurrencyCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI005 (website requirements), CAPI006 (Purchase requirements, currency), CAPI014 (app_data).</summary>
public sealed class RequirementRulesTests
{
    private const string U = Verify<PayloadAnalyzer, CurrencyCodeFixProvider>.Usings;

    [Fact]
    public Task CAPI005_website_classes_and_payloads_without_url_or_user_agent() => Classes.Diagnostics(U + """
        [{|CAPI005:ConversionEvent(StandardEvent.ViewContent, ActionSource = ActionSource.Website)|}]
        public partial class Viewed { [UserData(UserDataField.Email)] public string? Email { get; init; } }

        [ConversionEvent(StandardEvent.ViewContent, ActionSource = ActionSource.Website)]
        public partial class Complete
        {
            [EventSourceUrl] public string Url { get; init; } = "https://shop.example/";
            [UserData(UserDataField.ClientUserAgent)] public string? Agent { get; init; }
            [UserData(UserDataField.Email)] public string? Email { get; init; }
        }

        [ConversionEvent(StandardEvent.Contact, ActionSource = ActionSource.PhoneCall)]
        public partial class Called { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }
        """);

    [Fact]
    public Task CAPI005_hand_built() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Missing(string hash) => {|CAPI005:new { action_source = "website", event_name = "Lead", user_data = new { em = hash } }|};
            object Complete(string hash) => new { action_source = "website", event_name = "Lead", event_source_url = "https://x.example/", user_data = new { em = hash, client_user_agent = "ua" } };
            object Offline(string hash) => new { action_source = "physical_store", event_name = "Lead", user_data = new { em = hash } };
        }
        """);

    [Fact]
    public Task CAPI006_purchase_classes_without_value_or_currency() => Classes.Diagnostics(U + """
        [{|CAPI006:ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhoneCall)|}]
        public partial class Sold { [CustomData(CustomDataField.Value)] public decimal Total { get; init; } }

        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhoneCall)]
        public partial class Complete
        {
            [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
            [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "USD";
        }
        """);

    [Fact]
    public Task CAPI006_hand_built_purchases_and_currency_literals() => Payloads.Diagnostics(U + """
        class Sender
        {
            object NoValue(string hash) => {|CAPI006:new { event_name = "Purchase", action_source = "email", user_data = new { em = hash }, custom_data = new { currency = "USD" } }|};
            object NoData(string hash) => {|CAPI006:new { event_name = "Purchase", action_source = "email", user_data = new { em = hash } }|};
            object BadCode(string hash) => new { event_name = "Purchase", action_source = "email", user_data = new { em = hash }, custom_data = new { value = 5m, currency = {|CAPI006:"Dollars"|} } };
            object Fine(string hash) => new { event_name = "Purchase", action_source = "email", user_data = new { em = hash }, custom_data = new { value = 5m, currency = "EUR" } };
            object NotPurchase(string hash) => new { event_name = "Lead", action_source = "email", user_data = new { em = hash } };
        }
        """);

    [Fact]
    public Task CAPI006_currency_literals_in_the_builders() => Builders.Diagnostics(U + """
        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Chat)]
        public partial class Sale
        {
            [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = {|CAPI006:"Euro"|};
        }

        class Sender
        {
            void Make(CustomData data)
            {
                _ = EventDefinition.Purchase(10m, {|CAPI006:"USX"|});
                data.SetCurrency({|CAPI006:"EUD"|});
                _ = new Sale { Currency = {|CAPI006:"XYZ"|} };
                _ = EventDefinition.Purchase(10m, "GBP");

                // The builders and generated classes send a currency upper-cased, so "usd" reaches Meta as USD.
                _ = EventDefinition.Purchase(10m, "usd");
                _ = new Sale { Currency = "eur" };
            }
        }
        """);

    [Fact]
    public Task CAPI006_fix_uses_the_code_meant() => Builders.Fix(
        U + """
        class Sender { EventDefinition Make() => EventDefinition.Purchase(10m, {|CAPI006:"EUX"|}); }
        """,
        U + """
        class Sender { EventDefinition Make() => EventDefinition.Purchase(10m, "EUR"); }
        """);

    [Fact]
    public Task CAPI014_app_data_and_the_action_source() => Classes.Diagnostics(U + """
        [{|CAPI014:ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.App)|}]
        public partial class InApp
        {
            [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
            [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "USD";
        }

        [{|CAPI014:ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)|}]
        public partial class Mailed { [AppData] public AppData? App { get; init; } }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.App)]
        public partial class Installed { [AppData] public AppData? App { get; init; } }
        """);

    [Fact]
    public Task CAPI014_hand_built_and_builder_app_data() => Payloads.Diagnostics(U + """
        class Sender
        {
            object NoAppData(string hash) => {|CAPI014:new { action_source = "app", event_name = "Lead", user_data = new { madid = hash } }|};
            object Incomplete(string hash) => new { action_source = "app", event_name = "Lead", user_data = new { madid = hash }, app_data = {|CAPI014:new { advertiser_tracking_enabled = 1 }|} };
            object ShortExtinfo(string hash) => new { action_source = "app", event_name = "Lead", user_data = new { madid = hash }, app_data = new { advertiser_tracking_enabled = 1, extinfo = {|CAPI014:new[] { "i2", "", "", "", "17.1" }|} } };
            object Unexpected(string hash) => new { action_source = "email", event_name = "Lead", user_data = new { em = hash }, app_data = {|CAPI014:new { advertiser_tracking_enabled = 1 }|} };
            object Fine(string hash) => new { action_source = "app", event_name = "Lead", user_data = new { madid = hash }, app_data = new { advertiser_tracking_enabled = 1, extinfo = new[] { "i2", "", "", "", "17.1", "", "", "", "", "", "", "", "", "", "", "" } } };
        }
        """);

    [Fact]
    public Task CAPI014_app_data_set_on_a_non_app_builder() => Verify<BuilderUsageAnalyzer, CurrencyCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            ServerEvent Make(AppData app) => {|CAPI014:ServerEvent.ForEmail(EventDefinition.Lead, DateTimeOffset.UtcNow).SetAppData(app)|};
            ServerEvent Fine(AppData app) => ServerEvent.ForApp(EventDefinition.Lead, DateTimeOffset.UtcNow, app).SetAppData(app);
        }
        """);
}
