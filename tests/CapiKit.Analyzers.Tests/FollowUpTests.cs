using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// Shapes of the real-world corpus the payload model missed at first: dates sent as dates, nullable values left
/// unset, tokens written to settings objects, computed getters over ignored backing properties.
/// </summary>
public sealed class FollowUpTests
{
    private const string U = Infrastructure.Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings;

    private const string Person = """
        class Person
        {
            [JsonPropertyName("client_ip_address")] public string? Ip { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        """;

    [Fact]
    public Task An_event_time_typed_as_a_date_is_sent_as_an_ISO_string() => Payloads.Diagnostics(U + Person + """
        class WireEvent
        {
            [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
            [JsonPropertyName("event_time")] public DateTimeOffset EventTime { get; set; }
            [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
            [JsonPropertyName("event_source_url")] public string? Url { get; set; }
            [JsonPropertyName("user_data")] public Person? UserData { get; set; }
        }

        class Sender
        {
            WireEvent Build(string url, string ip, string ua) => new WireEvent
            {
                EventName = "Lead",
                EventTime = {|CAPI004:DateTimeOffset.UtcNow|},
                Url = url,
                UserData = new Person { Ip = ip, Agent = ua },
            };

            Dictionary<string, object> Map(string url, string ip, string ua) => new()
            {
                ["event_name"] = "Lead",
                ["event_time"] = {|CAPI004:DateTime.UtcNow|},
                ["action_source"] = "website",
                ["event_source_url"] = url,
                ["user_data"] = new Dictionary<string, object> { ["client_ip_address"] = ip, ["client_user_agent"] = ua },
            };
        }
        """);

    [Fact]
    public Task An_event_time_in_seconds_or_a_date_with_a_converter_is_not_reported() => Payloads.Diagnostics(U + Person + """
        sealed class UnixSeconds : JsonConverter<DateTimeOffset>
        {
            public override DateTimeOffset Read(ref System.Text.Json.Utf8JsonReader reader, Type type, System.Text.Json.JsonSerializerOptions options) => DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64());
            public override void Write(System.Text.Json.Utf8JsonWriter writer, DateTimeOffset value, System.Text.Json.JsonSerializerOptions options) => writer.WriteNumberValue(value.ToUnixTimeSeconds());
        }

        class WireEvent
        {
            [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
            [JsonPropertyName("event_time"), JsonConverter(typeof(UnixSeconds))] public DateTimeOffset EventTime { get; set; }
            [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
            [JsonPropertyName("event_source_url")] public string? Url { get; set; }
            [JsonPropertyName("user_data")] public Person? UserData { get; set; }
        }

        class Sender
        {
            WireEvent Build(string url, string ip, string ua) => new WireEvent
            {
                EventName = "Lead",
                EventTime = DateTimeOffset.UtcNow,
                Url = url,
                UserData = new Person { Ip = ip, Agent = ua },
            };

            Dictionary<string, object> Map(string url, string ip, string ua) => new()
            {
                ["event_name"] = "Lead",
                ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["action_source"] = "website",
                ["event_source_url"] = url,
                ["user_data"] = new Dictionary<string, object> { ["client_ip_address"] = ip, ["client_user_agent"] = ua },
            };

            // Not an event: a date under another key is no concern of Meta's.
            Dictionary<string, object> Audit() => new() { ["created_at"] = DateTime.UtcNow, ["event_name"] = "export" };
        }
        """);

    private const string Purchase = """
        record Amount([property: JsonPropertyName("value")] decimal? Value, [property: JsonPropertyName("currency")] string? Currency);

        record Sale(
            [property: JsonPropertyName("event_name")] string EventName,
            [property: JsonPropertyName("event_time")] long EventTime,
            [property: JsonPropertyName("action_source")] string ActionSource,
            [property: JsonPropertyName("user_data")] Person UserData,
            [property: JsonPropertyName("custom_data")] Amount CustomData);

        class Deal
        {
            public decimal? FinalAmount { get; set; }
        }

        """;

    [Fact]
    public Task A_nullable_purchase_value_never_checked_is_reported() => Payloads.Diagnostics(U + Person + Purchase + """
        class Sender
        {
            Sale Won(Deal deal, string ip, string ua) =>
                new("Purchase", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", new Person { Ip = ip, Agent = ua },
                    new Amount({|CAPI006:deal.FinalAmount|}, "BRL"));
        }
        """);

    [Fact]
    public Task A_nullable_purchase_value_checked_or_defaulted_is_not_reported() => Payloads.Diagnostics(U + Person + Purchase + """
        class Sender
        {
            Sale? Checked(Deal deal, string ip, string ua)
            {
                if (!deal.FinalAmount.HasValue)
                {
                    return null;
                }

                return new("Purchase", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", new Person { Ip = ip, Agent = ua },
                    new Amount(deal.FinalAmount, "BRL"));
            }

            Sale Defaulted(Deal deal, string ip, string ua) =>
                new("Purchase", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", new Person { Ip = ip, Agent = ua },
                    new Amount(deal.FinalAmount ?? 0m, "BRL"));

            Sale Pattern(Deal deal, string ip, string ua) => deal.FinalAmount is { } amount
                ? new("Purchase", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", new Person { Ip = ip, Agent = ua }, new Amount(amount, "BRL"))
                : throw new InvalidOperationException();

            // Not a Purchase: a Lead has no required value.
            Sale Lead(Deal deal, string ip, string ua) =>
                new("Lead", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", new Person { Ip = ip, Agent = ua }, new Amount(deal.FinalAmount, "BRL"));
        }
        """);

    private const string Sha = """
        static class Digests
        {
            public static string? Sha(string? value) => value is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()))).ToLowerInvariant();
        }

        """;

    [Fact]
    public Task A_computed_getter_sends_its_ignored_backing_property() => Payloads.Diagnostics(U + Sha + """
        class WireUser
        {
            [JsonPropertyName("em")] public List<string>? Em => EmailHash is null ? null : [EmailHash];
            [JsonPropertyName("ph")] public List<string>? Ph => PhoneHash is null ? null : [PhoneHash];
            [JsonIgnore] public string? EmailHash { get; set; }
            [JsonIgnore] public string? PhoneHash { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        class Sender
        {
            object Build(string email, string phone, string ua) => new
            {
                event_name = "Lead",
                event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                action_source = "system_generated",
                user_data = new WireUser { EmailHash = Digests.Sha(email), PhoneHash = {|CAPI016:Digests.Sha(phone)|}, Agent = ua },
            };
        }
        """);

    [Fact]
    public Task A_computed_getter_that_transforms_its_backing_property_is_not_followed() => Payloads.Diagnostics(U + Sha + """
        class WireUser
        {
            [JsonPropertyName("em")] public string? Em => Digests.Sha(RawEmail);
            [JsonPropertyName("ph")] public string? Ph => "+" + RawPhone;
            [JsonIgnore] public string? RawEmail { get; set; }
            [JsonIgnore] public string? RawPhone { get; set; }
            [JsonIgnore] public string? Note { get; set; }
            [JsonPropertyName("external_id")] public string? Id { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        class Sender
        {
            // external_id keeps CAPI013 out of it: a transforming getter is not followed, so em and ph are not seen as sent.
            object Build(string email, string phone, string id, string ua) => new
            {
                event_name = "Lead",
                event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                action_source = "system_generated",
                user_data = new WireUser { RawEmail = email, RawPhone = phone, Note = email, Id = id, Agent = ua },
            };
        }
        """);
}
