using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// A finding in JSON text points at the offending key's line and column in the C# source, through every way a
/// string literal can be written: escapes, verbatim strings' doubled quotes, the indentation a multi-line raw string
/// removes, and characters that take several UTF-8 bytes or two UTF-16 units before the key.
/// </summary>
public sealed class JsonLocationTests
{
    private const string U = Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings;

    [Fact]
    public Task A_multi_line_raw_string_reports_at_the_key_on_its_own_line() => Payloads.Diagnostics(U + """"
        class Sender
        {
            string Body = """
                {
                  "data": [
                    {
                      "event_name": "Lead",
                      "action_source": "email",
                      "user_data": {
                        {|CAPI001:"em"|}: "john@example.com",
                        {|CAPI001:"ph"|}: ["+1 650 555 1212"]
                      }
                    }
                  ]
                }
                """;
        }
        """");

    [Fact]
    public Task A_verbatim_string_reports_at_the_key_with_its_doubled_quotes() => Payloads.Diagnostics(U + """
        class Sender
        {
            string Body = @"{ ""action_source"": ""chat"", ""user_data"": { {|CAPI001:""em""|}: ""a@b.co"" } }";
        }
        """);

    [Fact]
    public Task A_regular_string_reports_at_the_key_after_escapes() => Payloads.Diagnostics(U + """
        class Sender
        {
            string Body = "{\"event_name\":\"Caf\u00e9\",\"action_source\":\"chat\",\"user_data\":{\"external_id\":\"c-1\",{|CAPI001:\"em\"|}:\"a@b.co\"}}";
        }
        """);

    [Fact]
    public Task Characters_of_several_bytes_before_the_key_do_not_shift_it() => Payloads.Diagnostics(U + """"
        class Sender
        {
            string Body = """{ "event_name": "Café 😀 ünïcödé", "action_source": "chat", "user_data": { {|CAPI001:"em"|}: "a@b.co" } }""";
        }
        """");

    [Fact]
    public Task An_event_without_action_source_is_reported_at_its_brace() => Verify<PayloadAnalyzer, MissingActionSourceCodeFixProvider>.Diagnostics(U + """"
        class Sender
        {
            string Body = """
                { "data": [
                    { "event_name": "Lead", "action_source": "chat", "user_data": { "external_id": "c-1" } },
                    {|CAPI002:{|} "event_name": "Lead", "user_data": { "external_id": "c-2" } }
                ] }
                """;
        }
        """");
}
