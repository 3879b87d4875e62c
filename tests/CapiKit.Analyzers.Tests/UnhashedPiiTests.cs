using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;
using Usage = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI001 in every payload shape .NET teams build by hand, and in CapiKit's pre-hashed entry points.</summary>
public sealed class UnhashedPiiTests
{
    private const string U = Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings;

    [Fact]
    public Task Anonymous_objects_nested_in_a_data_array() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Build(string email, string phone, string city) => new
            {
                data = new[]
                {
                    new
                    {
                        event_name = "Lead",
                        action_source = "chat",
                        user_data = new { em = {|CAPI001:email|}, ph = new[] { {|CAPI001:phone|} }, ct = {|CAPI001:city.ToLowerInvariant()|}, client_ip_address = "1.2.3.4" },
                    },
                },
            };
        }
        """);

    [Fact]
    public Task Dictionaries_filled_in_initializers_and_later_through_locals() => Payloads.Diagnostics(U + """
        class Sender
        {
            List<Dictionary<string, object>> Build(string email, string lastName)
            {
                var user = new Dictionary<string, object> { { "em", {|CAPI001:email|} } };
                user["ln"] = {|CAPI001:lastName|};
                user.Add("fn", {|CAPI001:"Mary"|});
                var evt = new Dictionary<string, object>
                {
                    ["event_name"] = "Lead",
                    ["action_source"] = "chat",
                    ["user_data"] = user,
                };
                return new List<Dictionary<string, object>> { evt };
            }
        }
        """);

    [Fact]
    public Task JsonObject_payloads() => Payloads.Diagnostics(U + """
        class Sender
        {
            JsonObject Build(string email) => new JsonObject
            {
                ["event_name"] = "Lead",
                ["action_source"] = "email",
                ["user_data"] = new JsonObject { ["em"] = {|CAPI001:email|}, ["client_user_agent"] = "ua" },
            };
        }
        """);

    [Fact]
    public Task DTOs_and_records_with_JsonPropertyName() => Payloads.Diagnostics(U + """
        record UserDataDto([property: JsonPropertyName("em")] string? Email, [property: JsonPropertyName("ph")] string? Phone);
        class EventDto
        {
            [JsonPropertyName("event_name")] public string Name { get; set; } = "";
            [JsonPropertyName("action_source")] public string Source { get; set; } = "website";
            [JsonPropertyName("user_data")] public UserDataDto? User { get; set; }
        }
        class Sender
        {
            EventDto Build(string email, string phone) => {|CAPI005:new EventDto { Name = "Lead", User = new UserDataDto({|CAPI001:email|}, {|CAPI001:phone|}) }|};
            UserDataDto Alone(string email) => new UserDataDto({|CAPI001:email|}, null);
        }
        """);

    [Fact]
    public Task JSON_written_in_a_string() => Payloads.Diagnostics(U + """"
        class Sender
        {
            string Body = """
                { "data": [ { "event_name": "Lead", "action_source": "website", "event_source_url": "https://shop.example/",
                  "user_data": { {|CAPI001:"em"|}: ["john@example.com"], "client_user_agent": "ua" } } ] }
                """;
        }
        """");

    [Fact]
    public Task JSON_with_a_lone_surrogate_escape_is_checked_up_to_it_without_an_analyzer_exception() => Payloads.Diagnostics(U + """"
        class Sender
        {
            string Body = """
                { "data": [ { "event_name": "Lead", "action_source": "website", "event_source_url": "https://shop.example/",
                  "user_data": { {|CAPI001:"em"|}: ["john@example.com"], "fn": ["\ud800"], "client_user_agent": "ua" } } ] }
                """;
            string Name = """{ "user_data": { "\udc00": "x" }, "action_source": "website" }""";
        }
        """");

    [Fact]
    public Task Personal_data_in_custom_data() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Build(string email) => new
            {
                action_source = "chat",
                user_data = new { client_user_agent = "ua", fbp = "fb.1.1558571054389.1098115397" },
                custom_data = new { value = 10m, currency = "USD", email = {|CAPI001:email|} },
            };
        }
        """);

    [Fact]
    public Task Correct_hashing_stays_quiet() => Payloads.Diagnostics(U + """
        using System.Security.Cryptography;
        using System.Text;
        class Sender
        {
            static string Sha256Hex(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();

            object Build(string email, string phone, string city, string emailHash, Sha256Hash zip)
            {
                string hashedCity = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(city.Trim().ToLowerInvariant()))).ToLowerInvariant();
                return new
                {
                    action_source = "chat",
                    user_data = new
                    {
                        em = PiiNormalizer.NormalizeAndHash("em", email),
                        ph = Sha256Hex(System.Text.RegularExpressions.Regex.Replace(phone, "[^0-9]", "")),
                        ct = hashedCity,
                        st = emailHash,
                        zp = zip.ToString(),
                        country = "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621",
                        client_ip_address = "1.2.3.4",
                        fn = (string?)null,
                    },
                };
            }
        }
        """);

    [Fact]
    public Task Objects_that_are_not_CAPI_payloads_stay_quiet() => Payloads.Diagnostics(U + """
        class Typography
        {
            object Style(string size) => new { em = size, ph = 7.2, user = new { em = size } };
            Dictionary<string, object> Settings(string email) => new() { ["em"] = email, ["ct"] = "x" };
            object Measurements() => new { user_data = new { ph = 7.4 }, action_source = "other" };
        }
        """);

    [Fact]
    public Task A_raw_value_through_a_pre_hashed_entry_point() => Usage.Diagnostics(U + """
        class Customer { public string Email { get; set; } = ""; public string Phone { get; set; } = ""; }
        class Sender
        {
            void Fill(UserData user, Customer customer, string storedHash)
            {
                {|CAPI001:user.AddEmailHash(Sha256Hash.Parse(customer.Email))|};
                {|CAPI001:user.AddPhoneHash(Sha256Hash.Compute(customer.Phone))|};
                {|CAPI001:user.AddCityHash(Sha256Hash.Parse("New York"))|};
                user.AddEmailHash(Sha256Hash.Parse(storedHash));
                user.AddEmailHash(Sha256Hash.Parse("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f"));
                user.AddEmail(customer.Email);
            }
        }
        """);

    [Fact]
    public Task The_severity_can_be_lowered_in_editorconfig() => Payloads.Diagnostics(
        U + """
        class Sender
        {
            object Build(string email) => new { action_source = "chat", user_data = new { em = email } };
        }
        """,
        "dotnet_diagnostic.CAPI001.severity = none\n");

    [Fact]
    public Task Fix_wraps_every_raw_value_and_adds_the_using_once() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Fix(
        """
        class Sender
        {
            object Build(string email, string phone) => new
            {
                action_source = "chat",
                user_data = new { em = {|CAPI001:email|}, ph = {|CAPI001:phone|} },
            };
        }
        """,
        """
        using CapiKit.Pii;

        class Sender
        {
            object Build(string email, string phone) => new
            {
                action_source = "chat",
                user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email), ph = PiiNormalizer.NormalizeAndHash("ph", phone) },
            };
        }
        """);

    [Fact]
    public Task Fix_on_a_phone_passes_the_region_the_project_configured() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.FixWithProperties(
        """
        class Sender
        {
            object Build(string email, string phone) => new { action_source = "chat", user_data = new { em = {|CAPI001:email|}, ph = {|CAPI001:phone|} } };
        }
        """,
        """
        using CapiKit.Pii;

        class Sender
        {
            object Build(string email, string phone) => new { action_source = "chat", user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email), ph = PiiNormalizer.NormalizeAndHash("ph", phone, new NormalizationOptions { DefaultRegion = "US" }) } };
        }
        """,
        "build_property.CapiKitPhoneRegion = us\n");

    [Fact]
    public Task Fix_adds_no_using_that_a_global_using_already_gives() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.FixWithFile(
        """
        class Sender
        {
            object Build(string email) => new { action_source = "chat", user_data = new { em = {|CAPI001:email|} } };
        }
        """,
        """
        class Sender
        {
            object Build(string email) => new { action_source = "chat", user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email) } };
        }
        """,
        "global using global::CapiKit.Pii;\n");

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public Task Fix_writes_the_using_with_the_files_own_line_endings(string newLine) => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Fix(
        """
        class Sender
        {
            object Build(string email) => new { action_source = "chat", user_data = new { em = {|CAPI001:email|} } };
        }
        """.ReplaceLineEndings(newLine),
        """
        using CapiKit.Pii;

        class Sender
        {
            object Build(string email) => new { action_source = "chat", user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email) } };
        }
        """.ReplaceLineEndings(newLine));

    [Fact]
    public Task Fix_in_a_dictionary() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Fix(
        U + """
        class Sender
        {
            Dictionary<string, object> Build(string lastName) => new()
            {
                ["action_source"] = "chat",
                ["user_data"] = new Dictionary<string, object> { ["fbp"] = "fb.1.1558571054389.1098115397", ["ln"] = {|CAPI001:lastName|} },
            };
        }
        """,
        U + """
        class Sender
        {
            Dictionary<string, object> Build(string lastName) => new()
            {
                ["action_source"] = "chat",
                ["user_data"] = new Dictionary<string, object> { ["fbp"] = "fb.1.1558571054389.1098115397", ["ln"] = PiiNormalizer.NormalizeAndHash("ln", lastName)! },
            };
        }
        """);

    [Fact]
    public Task Fix_on_a_non_nullable_dictionary_value_adds_no_nullable_warning() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.FixWithoutWarnings(
        U + """
        class Sender
        {
            public object Event(string email, string? phone) => new
            {
                action_source = "chat",
                user_data = new Dictionary<string, string>
                {
                    ["client_user_agent"] = "Mozilla/5.0",
                    ["em"] = {|CAPI001:email|},
                    ["ph"] = {|CAPI001:phone ?? ""|},
                },
            };
        }
        """,
        U + """
        class Sender
        {
            public object Event(string email, string? phone) => new
            {
                action_source = "chat",
                user_data = new Dictionary<string, string>
                {
                    ["client_user_agent"] = "Mozilla/5.0",
                    ["em"] = PiiNormalizer.NormalizeAndHash("em", email)!,
                    ["ph"] = PiiNormalizer.NormalizeAndHash("ph", phone ?? "")!,
                },
            };
        }
        """);

    [Fact]
    public Task Fix_on_a_nullable_slot_writes_no_null_forgiving_operator() => Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.FixWithoutWarnings(
        U + """
        class Sender
        {
            public object Build(string email) => new Dictionary<string, object?>
            {
                ["action_source"] = "chat",
                ["user_data"] = new Dictionary<string, string?> { ["em"] = {|CAPI001:email|} },
            };
        }
        """,
        U + """
        class Sender
        {
            public object Build(string email) => new Dictionary<string, object?>
            {
                ["action_source"] = "chat",
                ["user_data"] = new Dictionary<string, string?> { ["em"] = PiiNormalizer.NormalizeAndHash("em", email) },
            };
        }
        """);

    [Fact]
    public Task Fix_uses_the_raw_value_method() => Usage.Fix(
        U + """
        class Sender
        {
            void Fill(UserData user, string email) => {|CAPI001:user.AddEmailHash(Sha256Hash.Parse(email))|};
        }
        """,
        U + """
        class Sender
        {
            void Fill(UserData user, string email) => user.AddEmail(email);
        }
        """);
}
