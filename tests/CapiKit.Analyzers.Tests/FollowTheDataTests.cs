using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// The payload model follows DTOs as they are sent: JSON names from any serializer's attribute or from plain
/// snake-case property names, writes through chains of members, default values, and presence as what is sent.
/// </summary>
public sealed class FollowTheDataTests
{
    private const string U = Infrastructure.Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings;

    [Fact]
    public Task Plain_snake_case_DTOs_and_chained_member_writes() => Payloads.Diagnostics(U + """
        #nullable disable
        public class Item
        {
            public string event_name { get; set; }
            public string action_source { get; set; }
            public string event_source_url { get; set; }
            public Person user_data { get; set; }
        }

        public class Person
        {
            public string[] em { get; set; }
            public string client_user_agent { get; set; }
        }

        class Sender
        {
            Item Build(string email, string ua, string url)
            {
                var data = new Item();
                data.event_name = "Lead";
                data.action_source = "website";
                data.event_source_url = url;
                data.user_data = new Person();
                data.user_data.client_user_agent = ua;
                data.user_data.em = new string[] { {|CAPI001:email|} };
                return data;
            }
        }
        """);

    [Fact]
    public Task An_event_without_user_data_and_a_declared_but_unset_field_are_reported() => Payloads.Diagnostics(U + """
        record WireEvent
        {
            [JsonPropertyName("event_name")] public string EventName { get; init; } = "";
            [JsonPropertyName("event_time")] public long EventTime { get; init; }
            [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; init; }
            [JsonPropertyName("action_source")] public string ActionSource { get; init; } = "website";
            [JsonPropertyName("user_data")] public object? UserData { get; init; }
        }

        class Sender
        {
            WireEvent Build() => {|CAPI005:{|CAPI013:new WireEvent { EventName = "Lead", EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }|}|};
        }
        """);

    [Fact]
    public Task Look_alikes_with_one_event_key_are_not_events() => Payloads.Diagnostics(U + """
        class Meter
        {
            [JsonPropertyName("event_name")] public string Name { get; set; } = "";
            [JsonPropertyName("payload")] public object? Payload { get; set; }
        }

        class Analytics
        {
            Meter Usage() => new Meter { Name = "api_call" };
            Dictionary<string, object> Track() => new() { ["event"] = "signup", ["action_source"] = "app" };
        }
        """);
}
