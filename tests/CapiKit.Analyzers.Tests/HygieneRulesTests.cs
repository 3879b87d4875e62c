using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI007 to CAPI013: values rewritten, near-miss names, constant ids, batch size, test codes, secrets, thin customer information.</summary>
public sealed class HygieneRulesTests
{
    private const string U = Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Usings;

    [Fact]
    public Task CAPI007_raw_identifiers_rewritten() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            object Build(string hash, string ip, string agent, string fbclid, long ms) => new
            {
                action_source = "chat",
                user_data = new
                {
                    em = hash,
                    client_ip_address = {|CAPI007:ip.Trim()|},
                    client_user_agent = {|CAPI007:agent.ToLowerInvariant()|},
                    fbc = $"fb.1.{ms}.{{|CAPI007:fbclid.ToLower()|}}",
                    madid = {|CAPI007:PiiNormalizer.NormalizeAndHash("em", agent)|},
                    fbp = "fb.1.1558571054389.1098115397",
                },
            };
        }
        """);

    [Fact]
    public Task CAPI007_through_the_builder_and_its_fix() => Verify<BuilderUsageAnalyzer, RawKeyModifiedCodeFixProvider>.Fix(
        U + """
        class Sender
        {
            void Fill(UserData user, string fbclid, long ms, string ip)
            {
                user.SetClickId($"fb.1.{ms}.{{|CAPI007:fbclid.ToLowerInvariant()|}}");
                user.SetClientIpAddress({|CAPI007:ip.Trim()|});
                user.SetBrowserId("fb.1.1558571054389.1098115397");
            }
        }
        """,
        U + """
        class Sender
        {
            void Fill(UserData user, string fbclid, long ms, string ip)
            {
                user.SetClickId($"fb.1.{ms}.{fbclid}");
                user.SetClientIpAddress(ip);
                user.SetBrowserId("fb.1.1558571054389.1098115397");
            }
        }
        """);

    [Fact]
    public Task CAPI008_near_miss_event_names() => Verify<BuilderUsageAnalyzer, StandardEventNameCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            void Make()
            {
                _ = EventDefinition.Custom({|CAPI008:"purchase"|});
                _ = EventDefinition.Custom({|CAPI008:"Add_To_Cart"|});
                _ = EventDefinition.Custom({|CAPI008:"AddToChart"|});
                _ = ServerEvent.Create({|CAPI008:"ViewContnet"|}, DateTimeOffset.UtcNow, ActionSource.Website);
                _ = EventDefinition.Custom("TrialConverted");
                _ = EventDefinition.Custom("Lead");
            }
        }
        """);

    [Fact]
    public Task CAPI008_in_classes_and_payloads_with_fix() => Verify<EventClassAnalyzer, StandardEventNameCodeFixProvider>.Fix(
        U + """
        [ConversionEvent({|CAPI008:"add_to_cart"|}, ActionSource = ActionSource.Chat)]
        public partial class Carted { [UserData(UserDataField.Email)] public string? Email { get; init; } }
        """,
        U + """
        [ConversionEvent("AddToCart", ActionSource = ActionSource.Chat)]
        public partial class Carted { [UserData(UserDataField.Email)] public string? Email { get; init; } }
        """);

    [Fact]
    public Task CAPI008_hand_built() => Verify<PayloadAnalyzer, StandardEventNameCodeFixProvider>.Fix(
        U + """
        class Sender { object Build(string hash) => new { event_name = {|CAPI008:"Purchace"|}, action_source = "chat", user_data = new { em = hash } }; }
        """,
        U + """
        class Sender { object Build(string hash) => {|CAPI006:new { event_name = "Purchase", action_source = "chat", user_data = new { em = hash } }|}; }
        """);

    [Fact]
    public Task CAPI008_not_on_other_platforms_events() => Verify<PayloadAnalyzer, StandardEventNameCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            // Pinterest's and Snapchat's own names and action sources; a Meta action source keeps the check.
            object Pinterest(string hash) => new { event_name = "add_to_cart", action_source = "web", event_id = hash, user_data = new { em = hash } };
            object Snapchat(string hash) => new { event_name = "PURCHASE", action_source = "WEB", event_id = hash, user_data = new { em = hash } };
            object Meta(string hash) => new { event_name = {|CAPI008:"add_to_cart"|}, action_source = "chat", event_id = hash, user_data = new { em = hash } };
        }
        """);

    [Fact]
    public Task CAPI009_constant_event_ids() => Verify<BuilderUsageAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Chat)]
        public partial class Lead { [EventId] public string Id { get; init; } = {|CAPI009:"lead"|}; }

        class Sender
        {
            void Make(ServerEvent e, string orderId)
            {
                e.SetEventId({|CAPI009:"event-1"|});
                e.SetEventId(orderId);
                _ = new Lead { Id = {|CAPI009:"same"|} };
                _ = new Lead { Id = orderId };
            }
        }
        """);

    [Fact]
    public Task CAPI009_hand_built() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            object A(string hash) => new { event_name = "Lead", event_id = {|CAPI009:"1"|}, action_source = "chat", user_data = new { em = hash } };
            object B(string hash, Guid id) => new { event_name = "Lead", event_id = id.ToString(), action_source = "chat", user_data = new { em = hash } };
        }
        """);

    [Fact]
    public Task CAPI010_more_than_1000_events() => Verify<BuilderUsageAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        using System.Linq;
        class Sender
        {
            void Send(ServerEvent e, ServerEvent[] some)
            {
                _ = new EventRequest({|CAPI010:Enumerable.Range(0, 2500).Select(_ => e)|});
                _ = new EventRequest({|CAPI010:new ServerEvent[1001]|});
                _ = new EventRequest(Enumerable.Range(0, 2500).Select(_ => e).Take(1000));
                _ = new EventRequest(some);
                _ = new EventRequest(Enumerable.Repeat(e, 1000));
            }
        }
        """);

    [Fact]
    public Task CAPI010_hand_built() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        using System.Linq;
        class Sender
        {
            object Body(object e) => new { data = {|CAPI010:Enumerable.Repeat(e, 1200).ToArray()|} };
        }
        """);

    [Fact]
    public Task CAPI011_test_event_code_literals_and_fix() => Verify<BuilderUsageAnalyzer, TestEventCodeCodeFixProvider>.Fix(
        U + """
        class Options { public string? TestEventCode { get; set; } }
        class Sender
        {
            void Send(EventRequest request, Options options, string code)
            {
                request.SetTestEventCode({|CAPI011:"TEST12345"|});
                options.TestEventCode = {|CAPI011:"TEST999"|};
                request.SetTestEventCode(code);
            }
        }
        """,
        U + """
        class Options { public string? TestEventCode { get; set; } }
        class Sender
        {
            void Send(EventRequest request, Options options, string code)
            {
                request.SetTestEventCode(Environment.GetEnvironmentVariable("META_TEST_EVENT_CODE"));
                options.TestEventCode = Environment.GetEnvironmentVariable("META_TEST_EVENT_CODE");
                request.SetTestEventCode(code);
            }
        }
        """);

    [Fact]
    public Task CAPI011_hand_built() => Verify<PayloadAnalyzer, TestEventCodeCodeFixProvider>.Diagnostics(U + """
        class Sender { object Body(object e) => new { data = new[] { e }, test_event_code = {|CAPI011:"TEST1"|} }; }
        """);

    [Fact]
    public Task CAPI012_tokens_and_app_secrets_in_source() => Verify<SecretsAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Settings
        {
            public string Token = {|CAPI012:"EAAGm0PX4ZCpsBAKZCAWnZBhZCoyZCZBbS7cZAqXZCvZBZCRAZCsZB7ZBZAxZCZBvZBZAZCZAhZBpZBZB3ZBZCZAZCZAVZBZAZCZBkZCXoZD"|};
            public string AppSecret { get; set; } = {|CAPI012:"0123456789abcdef0123456789abcdef"|};
            public string AccessToken = {|CAPI012:"a1b2c3d4e5f6g7h8i9j0k1l2m3n4"|};
            public string Greeting = "Hello, this is not a token at all";
            public string ColorSecretSauce = "red";
            public string SecretName = "0123456789abcdefXYZ";
        }
        """);

    [Fact]
    public Task CAPI012_reports_only_values_that_look_like_secrets() => Verify<SecretsAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        using System.Collections.Generic;
        class Resources
        {
            // Localization tables (as in e-commerce plugins) whose keys mention the secret hold prose.
            Dictionary<string, string> Strings = new()
            {
                ["Plugins.Payments.Meta.Fields.ClientSecret"] = "Client secret",
                ["Plugins.Payments.Meta.Fields.ClientSecret.Hint"] = "Enter the client secret of your Meta app.",
                ["Plugins.Payments.Meta.Fields.AppSecret"] = "App secret (keep it private)",
            };

            public string AppSecret = "YOUR_APP_SECRET_HERE";
            public string ClientSecret = {|CAPI012:"k7Qm2Xv9Lp4Rz8Tb1Nw6Yc3Hd5Jf0Gs"|};

            // A feature flag's key spells its own name (seen in bitwarden/server): an identifier, not a secret.
            public const string SecretsVersioning = "sm-1587-secrets-versioning";
        }
        """);

    [Fact]
    public Task CAPI012_a_Meta_token_written_to_a_settings_member() => Verify<SecretsAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class PixelSettings { public string Token { get; set; } = ""; public string PageToken { get; set; } = ""; public string PixelCode { get; set; } = ""; }

        class Sender
        {
            private readonly PixelSettings _settings = new();

            void Configure()
            {
                _settings.Token = {|CAPI012:"EAAJk2ZCTruncatedTokenValueForTestsOnlyZBh7mQ3xWZD"|};
                _settings.PageToken = {|CAPI012:"EAAB9xQ2ZCsomeShorterTestTokenZD7a"|};
            }
        }
        """);

    [Fact]
    public Task CAPI012_other_tokens_in_settings_members_are_not_Meta_tokens() => Verify<SecretsAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Paging { public string NextToken { get; set; } = ""; public string CsrfToken { get; set; } = ""; public string Token { get; set; } = ""; }

        class Reader
        {
            void Page(Paging paging)
            {
                paging.NextToken = "c2VjdGlvbj0yJm9mZnNldD0xMDA9";
                paging.CsrfToken = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
                paging.Token = "EAA-not-a-meta-token value";
                paging.Token = "EAAQUIRED_LICENSE";
            }
        }
        """);

    [Fact]
    public Task CAPI009_and_CAPI011_ignore_empty_placeholders() => Verify<BuilderUsageAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Chat)]
        public partial class Lead { [EventId] public string Id { get; init; } = ""; }

        class Sender
        {
            void Make(ServerEvent e, EventRequest request, CapiKit.Delivery.ConversionsApiOptions options)
            {
                e.SetEventId("");
                request.SetTestEventCode("");
                options.TestEventCode = "";
                _ = new Lead { Id = string.Empty };
            }
        }
        """);

    [Fact]
    public Task CAPI013_invalid_only_customer_information() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            static string? Hash(string key, string value) => PiiNormalizer.NormalizeAndHash(key, value);
            object Thin(string g, string ua) => new { action_source = "chat", user_data = {|CAPI013:new { ge = Hash("ge", g), client_user_agent = ua }|} };
            object Names(string f, string g) => new { action_source = "chat", user_data = {|CAPI013:new { fn = Hash("fn", f), ge = Hash("ge", g) }|} };
            object Rich(string e, string g) => new { action_source = "chat", user_data = new { em = Hash("em", e), ge = Hash("ge", g) } };
        }
        """);

    [Fact]
    public Task CAPI007_constant_fbc_and_fbp_that_cannot_be_cookies() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class Sender
        {
            object Upper() => new { action_source = "chat", user_data = new { external_id = "c-1", fbc = {|CAPI007:"FB.1.1554763741205.AbCdEf"|} } };
            object Short() => new { action_source = "chat", user_data = new Dictionary<string, object> { ["external_id"] = "c-1", ["fbp"] = {|CAPI007:"fb.1.123.456"|} } };
            object Json() => "{ \"action_source\": \"chat\", \"user_data\": { \"external_id\": \"c-1\", {|CAPI007:\"fbc\"|}: \"fbclid=AbCdEf\" } }";
            object Valid(string cookie) => new { action_source = "chat", user_data = new { external_id = "c-1", fbc = "fb.1.1554763741205.AbCdEf", fbp = "fb.2.1596403881668.1116446470.Bg", ip = cookie } };
        }
        """);

    [Fact]
    public Task CAPI013_user_data_without_customer_information() => Verify<PayloadAnalyzer, RawKeyModifiedCodeFixProvider>.Diagnostics(U + """
        class UserDto { [JsonPropertyName("em")] public string? Email { get; set; } }

        class Sender
        {
            object Empty() => new { action_source = "chat", user_data = {|CAPI013:new { }|} };
            object Json() => "{ \"action_source\": \"chat\", {|CAPI013:\"user_data\"|}: { } }";
            object Dto() => new { action_source = "chat", user_data = new UserDto() };
            object Other() => new { action_source = "chat", user_data = new { em = (string?)null, tier = "gold" } };
        }
        """);

    [Fact]
    public Task CAPI013_in_a_class() => Verify<EventClassAnalyzer, StandardEventNameCodeFixProvider>.Diagnostics(U + """
        [{|CAPI013:ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Chat)|}]
        public partial class Thin
        {
            [UserData(UserDataField.City)] public string? City { get; init; }
            [UserData(UserDataField.Country)] public string? Country { get; init; }
        }
        """);
}
