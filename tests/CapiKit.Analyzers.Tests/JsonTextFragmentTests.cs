using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// JSON written as text piece by piece (StringBuilder fragments, interpolated strings, concatenations): the value
/// after a user_data key is checked as if it were written in a C# object, once the method is seen writing an event as
/// text (a constant piece names <c>"user_data"</c>). Shapes of real code that builds request bodies by hand.
/// </summary>
public sealed class JsonTextFragmentTests
{
    private const string U = Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings + "using System.Text;\nusing System.Security.Cryptography;\n";

    private const string Sha = """
            static string Sha(string input) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input))).ToLowerInvariant();
        """;

    [Fact]
    public Task Raw_and_badly_normalized_values_in_fragments_are_reported() => Payloads.Diagnostics(U + """"
        class Sender
        {
            string Body(string email, string phone, string city)
            {
                var sb = new StringBuilder();
                sb.Append("{\"action_source\":\"website\",\"user_data\":{");
                sb.Append($"\"em\":\"{{|CAPI001:email|}}\",");
                var phoneHash = {|CAPI016:Sha("1" + phone)|};
                sb.Append($@"""ph"":[""{phoneHash}""],");
                sb.Append("\"ct\":\"" + {|CAPI001:city|} + "\"");
                sb.Append("}}");
                return sb.ToString();
            }
        """" + Sha + """
        }
        """);

    [Fact]
    public Task Hashed_values_placeholders_and_keys_that_need_no_hash_raise_nothing() => Payloads.Diagnostics(U + """
        class Sender
        {
            string Body(string email, string ip, string url, decimal total)
            {
                var fields = new List<string>
                {
                    $"\"em\":\"{Sha(email.Trim().ToLowerInvariant())}\"",
                    $"\"client_ip_address\":\"{ip}\"",
                    $"\"event_source_url\":\"{url}\"",
                    $"\"value\":{total}",
                };
                return "{\"user_data\":{" + string.Join(",", fields) + "}}";
            }
        """ + Sha + """
        }
        """);

    [Fact]
    public Task Fragments_of_a_method_that_writes_no_event_are_not_read_as_user_data() => Payloads.Diagnostics(U + """
        class Mailer
        {
            string Body(string email, string ph) => $"{{\"em\":\"{email}\",\"ph\":\"{ph}\"}}";
        }
        """);

    [Fact]
    public Task Fix_normalizes_and_hashes_the_value_in_the_hole() => Payloads.Fix(
        U + """
        class Sender
        {
            string Body(string email) => "{\"action_source\":\"website\",\"user_data\":{" + $"\"em\":\"{{|CAPI001:email|}}\"" + "}}";
        }
        """,
        U + """
        class Sender
        {
            string Body(string email) => "{\"action_source\":\"website\",\"user_data\":{" + $"\"em\":\"{PiiNormalizer.NormalizeAndHash("em", email)}\"" + "}}";
        }
        """);
}
