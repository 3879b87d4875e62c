using System.Text.Json;
using CapiKit.Delivery;

namespace CapiKit.Tests.Delivery;

/// <summary>The schema rules pre-flight and the emulator share, on JSON events.</summary>
public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private const string Hash = "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f";

    [Fact]
    public void A_complete_website_purchase_passes() =>
        Assert.Empty(Validate($$"""
            { "event_name": "Purchase", "event_time": {{Now.ToUnixTimeSeconds()}}, "action_source": "website",
              "event_source_url": "https://shop.example/", "user_data": { "em": ["{{Hash}}"], "client_user_agent": "ua" },
              "custom_data": { "value": 1.5, "currency": "USD" } }
            """));

    [Theory]
    [InlineData("\"em\": [\"john@example.com\"]", "CAPI001", 2804016)]
    [InlineData("\"em\": [\"62A14E44F765419D10FEA99367361A727C12365E2520F32218D505ED9AA0F62F\"]", "CAPI001", 2804016)]
    [InlineData("\"em\": \"" + Hash + "\", \"fbc\": \"AbCdEf\"", "CAPI007", 2804001)]
    [InlineData("\"ge\": \"" + Hash + "\"", "CAPI013", 2804050)]
    public void Customer_information_problems(string userData, string diagnostic, int subcode)
    {
        EventProblem problem = Assert.Single(Validate($$"""
            { "event_name": "Lead", "event_time": {{Now.ToUnixTimeSeconds()}}, "action_source": "email", "user_data": { {{userData}} } }
            """));

        Assert.Equal(diagnostic, problem.DiagnosticId);
        Assert.Equal(subcode, problem.Subcode);
        Assert.Equal(100, problem.Code);
        Assert.DoesNotContain("john", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-8 * 86400, "email", "CAPI003")]
    [InlineData(3600, "email", "CAPI003")]
    [InlineData(-70 * 86400, "physical_store", "CAPI003")]
    public void Event_times_outside_the_window(long offset, string actionSource, string diagnostic) =>
        Assert.Equal(diagnostic, Assert.Single(Validate(Event(actionSource, Now.ToUnixTimeSeconds() + offset))).DiagnosticId);

    [Fact]
    public void Store_events_have_62_days_and_milliseconds_are_caught()
    {
        Assert.Empty(Validate(Event("physical_store", Now.AddDays(-30).ToUnixTimeSeconds())));
        Assert.Equal("CAPI004", Assert.Single(Validate(Event("email", Now.ToUnixTimeMilliseconds()))).DiagnosticId);
    }

    [Fact]
    public void Action_source_requirements()
    {
        Assert.Equal("CAPI002", Assert.Single(Validate(Event(null, Now.ToUnixTimeSeconds()))).DiagnosticId);
        Assert.Equal(["CAPI005", "CAPI005"], Validate(Event("website", Now.ToUnixTimeSeconds())).Select(p => p.DiagnosticId));
        Assert.Equal("CAPI014", Assert.Single(Validate(Event("app", Now.ToUnixTimeSeconds()))).DiagnosticId);
        Assert.Equal("business_messaging", Assert.Single(Validate(Event("business_messaging", Now.ToUnixTimeSeconds()))).Message.Split(' ')[0]);
        Assert.Equal("CAPI014", Assert.Single(Validate(Event("email", Now.ToUnixTimeSeconds(), ", \"app_data\": { \"advertiser_tracking_enabled\": 1 }"))).DiagnosticId);
    }

    [Fact]
    public void A_purchase_needs_value_and_a_currency_code()
    {
        string missing = $$"""{ "event_name": "Purchase", "event_time": {{Now.ToUnixTimeSeconds()}}, "action_source": "email", "user_data": { "em": "{{Hash}}" }, "custom_data": { "currency": "Dollar" } }""";

        Assert.Equal(["custom_data.value", "custom_data.currency"], Validate(missing).Select(p => p.Field));
        Assert.All(Validate(missing), p => Assert.Equal("CAPI006", p.DiagnosticId));
    }

    private static string Event(string? actionSource, long time, string extra = "") =>
        $$"""{ "event_name": "Lead", "event_time": {{time}}{{(actionSource is null ? "" : $", \"action_source\": \"{actionSource}\"")}}, "user_data": { "em": ["{{Hash}}"] }{{extra}} }""";

    private static IReadOnlyList<EventProblem> Validate(string json) => EventRules.Validate(JsonDocument.Parse(json).RootElement, Now);
}
