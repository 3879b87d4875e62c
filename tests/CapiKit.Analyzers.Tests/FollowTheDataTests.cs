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

    [Fact]
    public Task A_test_event_code_literal_is_reported_where_it_is_written_through_parameters_and_branches() => Payloads.Diagnostics(U + """
        sealed class Batch
        {
            [JsonPropertyName("data")] public List<object> Data { get; set; } = new();
            [JsonPropertyName("test_event_code")] public string? Code { get; set; }
        }

        sealed class Sender
        {
            public bool TestMode { get; set; }

            public Batch Many(List<object> items, string? testCode = null) => new Batch { Data = items, Code = testCode ?? (TestMode ? {|CAPI011:"QA_CODE"|} : null) };

            public Batch One(object item, string? testCode = null) => Many(new List<object> { item }, testCode);

            public Batch Demo(object item) => One(item, testCode: {|CAPI011:"TEST40213"|});
        }
        """);

    [Fact]
    public Task User_data_built_in_a_helper_gets_the_value_rules_too() => Payloads.Diagnostics(U + """
        sealed class Person
        {
            [JsonPropertyName("client_ip_address")] public string? Ip { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        sealed class Sender
        {
            public System.Threading.Tasks.Task<Person> BuildAsync(string? ip, string? ua) =>
                System.Threading.Tasks.Task.FromResult(new Person { Ip = {|CAPI007:ip?.ToLowerInvariant()|}, Agent = ua });
        }
        """);

    [Fact]
    public Task Elements_written_into_a_user_data_list_are_values_it_sends() => Payloads.Diagnostics(U + """
        sealed class Customer
        {
            [JsonPropertyName("em")] public List<string>? Emails { get; set; }
            [JsonPropertyName("ph")] public string[]? Phones { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        sealed class Event { [JsonPropertyName("user_data")] public Customer User { get; set; } = new(); }

        static class Hashing
        {
            public static string Sha(string raw) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw)));
        }

        sealed class Relay
        {
            public void Prepare(Event e, string phone)
            {
                var mails = e.User.Emails!;
                for (var i = 0; i < mails.Count; i++)
                {
                    mails[i] = {|CAPI016:Hashing.Sha(mails[i])|};
                }

                e.User.Phones![0] = {|CAPI001:phone|};
            }

            public void Normalized(Event e)
            {
                var mails = e.User.Emails!;
                for (var i = 0; i < mails.Count; i++)
                {
                    mails[i] = Hashing.Sha(mails[i].Trim().ToLowerInvariant());
                }
            }
        }
        """);

    [Fact]
    public Task Elements_written_into_a_look_alike_list_are_not_user_data() => Payloads.Diagnostics(U + """
        sealed class BookingContact
        {
            [JsonPropertyName("em")] public List<string> Emails { get; set; } = new();
            [JsonPropertyName("ph")] public List<string> Phones { get; set; } = new();
        }

        sealed class Bookings
        {
            public void Copy(BookingContact contact, string email, string phone)
            {
                var mails = contact.Emails;
                mails[0] = email;
                contact.Phones[0] = phone;
            }
        }
        """);
}
