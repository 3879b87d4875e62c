using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.MissingActionSourceCodeFixProvider>;
using Usage = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer, CapiKit.CodeFixes.MissingActionSourceCodeFixProvider>;
using InferredPayloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.InferredActionSourceCodeFixProvider>;
using InferredUsage = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer, CapiKit.CodeFixes.InferredActionSourceCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// CAPI002 in attributed classes, builder calls and hand-built events, with a fix per action source (no Fix All), and
/// an inferred fix with Fix All when the event's fields or the rest of the project show the one value it needs.
/// </summary>
public sealed class MissingActionSourceTests
{
    private const string U = Verify<PayloadAnalyzer, MissingActionSourceCodeFixProvider>.Usings;

    [Fact]
    public Task A_ConversionEvent_class_without_an_action_source() => Usage.Diagnostics(U + """
        [{|CAPI002:ConversionEvent(StandardEvent.Lead)|}]
        public partial class LeadSubmitted { [UserData(UserDataField.Email)] public string? Email { get; init; } }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class WithAttribute { }

        [ConversionEvent("Callback")]
        public partial class WithMember { [ActionSource] public ActionSource Source { get; init; } = ActionSource.PhoneCall; }
        """);

    [Fact]
    public Task The_default_action_source_is_none() => Usage.Diagnostics(U + """
        class Sender
        {
            ServerEvent Make() => ServerEvent.Create("Lead", DateTimeOffset.UtcNow, {|CAPI002:default|});
            ServerEvent Fine() => ServerEvent.Create("Lead", DateTimeOffset.UtcNow, ActionSource.Chat);
        }
        """);

    [Fact]
    public Task Hand_built_events_with_user_data_and_no_action_source() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Anonymous(string hash) => {|CAPI002:new { event_name = "Lead", user_data = new { em = hash } }|};
            object Map() => {|CAPI002:new Dictionary<string, object> { ["event_name"] = "Lead", ["user_data"] = new Dictionary<string, object>() }|};
            object Node() => {|CAPI002:new JsonObject { ["user_data"] = new JsonObject() }|};
            object Fine() => new { event_name = "Lead", action_source = "chat", user_data = new { external_id = "c-1" } };
            object NotAnEvent() => new { event_name = "Lead" };
        }
        """);

    [Fact]
    public Task A_DTO_that_declares_action_source_stays_quiet() => Payloads.Diagnostics(U + """
        class EventDto
        {
            [JsonPropertyName("user_data")] public object? User { get; set; }
            [JsonPropertyName("action_source")] public string Source { get; set; } = "chat";
        }
        class Sender { EventDto Build() => new EventDto { User = new object() }; }
        """);

    [Fact]
    public Task JSON_events_without_action_source() => Payloads.Diagnostics(U + """
        class Sender { string Body = "{\"data\":[{|CAPI002:{|}\"event_name\":\"Lead\",\"user_data\":{\"external_id\":\"c-1\",\"client_user_agent\":\"ua\"}}]}"; }
        """);

    [Fact]
    public Task Fix_sets_the_attribute_argument() => Usage.Fix(
        U + """
        [{|CAPI002:ConversionEvent(StandardEvent.Lead)|}]
        public partial class LeadSubmitted { }
        """,
        U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Chat)]
        public partial class LeadSubmitted { }
        """,
        "CAPI002.chat");

    [Fact]
    public Task Fix_offers_every_action_source() => Usage.Fix(
        U + """
        [{|CAPI002:ConversionEvent(StandardEvent.Purchase)|}]
        public partial class StorePurchase { }
        """,
        U + """
        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhysicalStore)]
        public partial class StorePurchase { }
        """,
        "CAPI002.physical_store");

    [Fact]
    public void A_value_chosen_for_one_event_is_not_applied_to_all()
    {
        Assert.Null(new MissingActionSourceCodeFixProvider().GetFixAllProvider());
        Assert.NotNull(new InferredActionSourceCodeFixProvider().GetFixAllProvider());
    }

    [Fact]
    public Task Fix_All_infers_each_event_from_its_fields_and_leaves_the_others() => InferredUsage.FixPartly(
        U + """
        [{|CAPI002:ConversionEvent(StandardEvent.Lead)|}]
        public partial class PageLead { [EventSourceUrl] public string? Url { get; init; } }

        [{|CAPI002:ConversionEvent(StandardEvent.ViewContent)|}]
        public partial class Browsing { [UserData(UserDataField.ClientUserAgent)] public string? Agent { get; init; } }

        [{|CAPI002:ConversionEvent(StandardEvent.Purchase)|}]
        public partial class InAppPurchase { [AppData] public AppData? App { get; init; } }

        [{|CAPI002:ConversionEvent(StandardEvent.Contact)|}]
        public partial class Callback { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }
        """,
        U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class PageLead { [EventSourceUrl] public string? Url { get; init; } }

        [ConversionEvent(StandardEvent.ViewContent, ActionSource = ActionSource.Website)]
        public partial class Browsing { [UserData(UserDataField.ClientUserAgent)] public string? Agent { get; init; } }

        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.App)]
        public partial class InAppPurchase { [AppData] public AppData? App { get; init; } }

        [{|CAPI002:ConversionEvent(StandardEvent.Contact)|}]
        public partial class Callback { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }
        """,
        InferredActionSourceCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Fix_All_uses_the_one_action_source_the_project_uses() => InferredUsage.FixWithFile(
        U + """
        [{|CAPI002:ConversionEvent(StandardEvent.Contact)|}]
        public partial class Callback { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }

        [{|CAPI002:ConversionEvent(StandardEvent.Lead)|}]
        public partial class CallbackLead { }
        """,
        U + """
        [ConversionEvent(StandardEvent.Contact, ActionSource = ActionSource.PhoneCall)]
        public partial class Callback { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.PhoneCall)]
        public partial class CallbackLead { }
        """,
        U + """
        [ConversionEvent(StandardEvent.Schedule, ActionSource = ActionSource.PhoneCall)]
        public partial class Booked { }
        """);

    [Theory]
    [InlineData("two action sources in the project", """
        [{|CAPI002:ConversionEvent(StandardEvent.Contact)|}]
        public partial class Callback { }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial class Mailed { }

        class Sender { ServerEvent Chat() => ServerEvent.Create("Contact", DateTimeOffset.UtcNow, ActionSource.Chat); }
        """)]
    [InlineData("nothing to go by", """
        [{|CAPI002:ConversionEvent(StandardEvent.Contact)|}]
        public partial class Callback { [UserData(UserDataField.Phone)] public string? Phone { get; init; } }
        """)]
    [InlineData("fields of two action sources", """
        [{|CAPI002:ConversionEvent(StandardEvent.Purchase)|}]
        public partial class Confused { [EventSourceUrl] public string? Url { get; init; } [AppData] public AppData? App { get; init; } }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class Other { }
        """)]
    public Task No_inferred_fix_when_no_single_action_source_follows_from_the_code(string why, string source)
    {
        _ = why;
        return InferredUsage.Fix(U + source, U + source, InferredActionSourceCodeFixProvider.EquivalenceKey);
    }

    // Once website, they lack the other website field (CAPI005): the fix names the action source, not what it needs.
    [Fact]
    public Task Fix_All_infers_hand_built_events_from_what_they_send() => InferredPayloads.FixPartly(
        U + """
        class Sender
        {
            object Page(string url) => {|CAPI002:new { event_name = "Lead", event_source_url = url, user_data = new { external_id = "c-1" } }|};
            object Browser(string agent) => {|CAPI002:new Dictionary<string, object>
            {
                ["event_name"] = "ViewContent",
                ["user_data"] = {|CAPI013:new Dictionary<string, object> { ["client_user_agent"] = agent }|},
            }|};
            object Unknown() => {|CAPI002:new { event_name = "Contact", user_data = new { external_id = "c-1" } }|};
            object Mailed() => new { event_name = "Lead", action_source = "email", user_data = new { external_id = "c-1" } };
            object Chatted() => new { event_name = "Lead", action_source = "chat", user_data = new { external_id = "c-1" } };
        }
        """,
        U + """
        class Sender
        {
            object Page(string url) => {|CAPI005:new { event_name = "Lead", event_source_url = url, user_data = new { external_id = "c-1" }, action_source = "website" }|};
            object Browser(string agent) => {|CAPI005:new Dictionary<string, object>
            {
                ["event_name"] = "ViewContent",
                ["user_data"] = {|CAPI013:new Dictionary<string, object> { ["client_user_agent"] = agent }|},
                ["action_source"] = "website",
            }|};
            object Unknown() => {|CAPI002:new { event_name = "Contact", user_data = new { external_id = "c-1" } }|};
            object Mailed() => new { event_name = "Lead", action_source = "email", user_data = new { external_id = "c-1" } };
            object Chatted() => new { event_name = "Lead", action_source = "chat", user_data = new { external_id = "c-1" } };
        }
        """,
        InferredActionSourceCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Fix_adds_a_member_to_anonymous_objects_everywhere() => Payloads.Fix(
        U + """
        class Sender
        {
            object A() => {|CAPI002:new { event_name = "Lead", user_data = new { external_id = "c-1" } }|};
            object B() => {|CAPI002:new { event_name = "Contact", user_data = new { external_id = "c-1" } }|};
        }
        """,
        U + """
        class Sender
        {
            object A() => new { event_name = "Lead", user_data = new { external_id = "c-1" }, action_source = "chat" };
            object B() => new { event_name = "Contact", user_data = new { external_id = "c-1" }, action_source = "chat" };
        }
        """,
        "CAPI002.chat");

    [Fact]
    public Task Fix_adds_an_entry_to_dictionary_initializers() => Payloads.Fix(
        U + """
        class Sender
        {
            object Indexed() => {|CAPI002:new Dictionary<string, object>
            {
                ["user_data"] = new Dictionary<string, object>(),
            }|};

            object Added() => {|CAPI002:new Dictionary<string, object>
            {
                { "user_data", new Dictionary<string, object>() },
            }|};
        }
        """,
        U + """
        class Sender
        {
            object Indexed() => new Dictionary<string, object>
            {
                ["user_data"] = new Dictionary<string, object>(),
                ["action_source"] = "chat",
            };

            object Added() => new Dictionary<string, object>
            {
                { "user_data", new Dictionary<string, object>() },
                { "action_source", "chat" },
            };
        }
        """,
        "CAPI002.chat");
}
