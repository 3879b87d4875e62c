using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.MissingActionSourceCodeFixProvider>;
using Usage = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer, CapiKit.CodeFixes.MissingActionSourceCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI002 in attributed classes, builder calls and hand-built events, with a fix per action source.</summary>
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
            [JsonPropertyName("action_source")] public string Source { get; set; } = "website";
        }
        class Sender { EventDto Build() => new EventDto { User = new object() }; }
        """);

    [Fact]
    public Task JSON_events_without_action_source() => Payloads.Diagnostics(U + """
        class Sender { string Body = {|CAPI002:"{\"data\":[{\"event_name\":\"Lead\",\"user_data\":{\"external_id\":\"c-1\",\"client_user_agent\":\"ua\"}}]}"|}; }
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
