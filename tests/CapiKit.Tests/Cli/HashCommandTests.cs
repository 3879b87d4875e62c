using System.Text.Json;
using CapiKit.Cli;

namespace CapiKit.Tests.Cli;

/// <summary>The <c>capi hash</c> contract other tools depend on, run in-process against string streams.</summary>
public sealed class HashCommandTests
{
    [Fact]
    public void Hashing_one_value_prints_the_normalized_value_and_the_hash()
    {
        (int exit, string output, string error) = Run(["hash", "em", " John@Example.com "]);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Equal(
            $"normalized  john@example.com{Environment.NewLine}sha256      {CapiKit.Pii.Sha256Hash.Compute("john@example.com")}{Environment.NewLine}",
            output);
    }

    [Fact]
    public void A_region_option_gives_phone_numbers_their_country_code()
    {
        (int exit, string output, _) = Run(["hash", "ph", "(650)555-1212", "--region", "US"]);

        Assert.Equal(0, exit);
        Assert.Contains("e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_value_exits_1_with_the_reason_but_not_the_value()
    {
        (int exit, string output, string error) = Run(["hash", "em", "secret-person@"]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("em:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_lists_the_hashed_keys()
    {
        (int exit, _, string error) = Run(["hash", "email", "a@b.co"]);

        Assert.Equal(1, exit);
        Assert.Contains("Hashed keys: em, ph", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_arguments_are_a_usage_error() =>
        Assert.NotEqual(0, Run(["hash", "em"]).Exit);

    [Fact]
    public void Jsonl_writes_one_result_per_line_in_order_with_Metas_documented_hashes()
    {
        string input = string.Join('\n',
            """{"field":"em","value":"John_Smith@gmail.com"}""",
            """{"field":"ph","value":"(650)555-1212","region":"US"}""",
            """{"field":"fn","value":"정"}""",
            """{"field":"fn","value":"Valéry"}""",
            """{"field":"db","value":"2/16/1997"}""",
            """{"field":"ct","value":"New York"}""",
            """{"field":"zp","value":"M1 1AE"}""",
            """{"field":"country","value":"United States"}""");

        (int exit, string output, _) = Run(["hash", "--jsonl"], input);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
                "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
                "8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14",
                "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c",
                "01acdbf6ec7b4f478a225f1a246e5d6767eeab1a7ffa17f025265b5b94f40f0c",
                "350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5",
                "1dc694c2070e697769fb959b50671d76cafd430d8ca191fbdd0affcaea344ac5",
                "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621",
            ],
            Lines(output).Select(line => line.GetProperty("hash").GetString()));
    }

    [Fact]
    public void Jsonl_output_lines_have_exactly_the_contract_fields()
    {
        (_, string output, _) = Run(["hash", "--jsonl"], """{"field":"ph","value":"(650)555-1212","region":"US"}""");

        JsonElement line = Assert.Single(Lines(output));
        Assert.Equal(["field", "value", "normalized", "hash", "error"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ph", line.GetProperty("field").GetString());
        Assert.Equal("(650)555-1212", line.GetProperty("value").GetString());
        Assert.Equal("16505551212", line.GetProperty("normalized").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Jsonl_reports_bad_lines_and_goes_on()
    {
        string input = string.Join('\n',
            "not json",
            "",
            "[1,2]",
            """{"field":"em"}""",
            """{"field":"em","value":42}""",
            """{"field":"client_ip_address","value":"1.2.3.4"}""",
            """{"field":"ph","value":"6505551212"}""",
            """{"field":"ph","value":"6505551212","region":"Narnia"}""",
            """{"field":"em","value":"ok@example.com"}""");

        (int exit, string output, _) = Run(["hash", "--jsonl"], input);

        Assert.Equal(0, exit);
        JsonElement[] lines = Lines(output);
        Assert.Equal(9, lines.Length);
        Assert.All(lines[..8], line =>
        {
            Assert.Equal(JsonValueKind.String, line.GetProperty("error").ValueKind);
            Assert.Equal(JsonValueKind.Null, line.GetProperty("hash").ValueKind);
            Assert.Equal(JsonValueKind.Null, line.GetProperty("normalized").ValueKind);
        });
        Assert.Equal("em", lines[3].GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, lines[8].GetProperty("error").ValueKind);
    }

    [Fact]
    public void Jsonl_reports_a_lone_surrogate_escape_and_goes_on()
    {
        string input = string.Join('\n',
            """{"field":"fn","value":"\ud800"}""",
            """{"field":"fn","value":"Mary"}""");

        (int exit, string output, string error) = Run(["hash", "--jsonl"], input);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        JsonElement[] lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Contains("unpaired surrogate", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("mary", lines[1].GetProperty("normalized").GetString());
    }

    [Fact]
    public void Jsonl_ignores_a_byte_order_mark_and_ends_lines_only_at_line_feeds()
    {
        string input = "\uFEFF" + """{"field":"em","value":"a@example.com"}""" + "\r\n"
            + """{"field":"fn","value":"Mary\rAnn"}""".Replace("\\r", "\r", StringComparison.Ordinal) + "\n"
            + """{"field":"ln","value":"Smith"}""";

        (int exit, string output, _) = Run(["hash", "--jsonl"], input);

        Assert.Equal(0, exit);
        JsonElement[] lines = Lines(output);
        Assert.Equal(3, lines.Length);
        Assert.Equal("a@example.com", lines[0].GetProperty("normalized").GetString());
        Assert.Equal(JsonValueKind.String, lines[1].GetProperty("error").ValueKind);   // a raw CR inside a JSON string
        Assert.Equal("smith", lines[2].GetProperty("normalized").GetString());
    }

    [Fact]
    public void Jsonl_takes_the_region_option_as_default_and_a_line_region_over_it()
    {
        string input = string.Join('\n',
            """{"field":"ph","value":"020 7946 0958"}""",
            """{"field":"ph","value":"(650) 555-1212","region":"US"}""");

        (_, string output, _) = Run(["hash", "--jsonl", "--region", "GB"], input);

        Assert.Equal(["442079460958", "16505551212"], Lines(output).Select(l => l.GetProperty("normalized").GetString()));
    }

    [Fact]
    public void Jsonl_with_arguments_is_a_usage_error() =>
        Assert.NotEqual(0, Run(["hash", "--jsonl", "em", "x"]).Exit);

    [Fact]
    public void Unreadable_input_exits_non_zero()
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int exit = CapiCli.Run(["hash", "--jsonl"], new FailingReader(), output, error);

        Assert.Equal(74, exit);
        Assert.Contains("cannot read standard input", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_sends_one_event_to_the_emulator_and_prints_the_response()
    {
        (int exit, string output, _) = Run(["demo"]);

        Assert.Equal(0, exit);
        Assert.Contains("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f", output, StringComparison.Ordinal);
        Assert.Contains("\"events_received\": 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("John_Smith", output, StringComparison.OrdinalIgnoreCase);
    }

    private static (int Exit, string Output, string Error) Run(string[] args, string input = "")
    {
        using StringReader reader = new(input);
        using StringWriter output = new();
        using StringWriter error = new();
        int exit = CapiCli.Run(args, reader, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static JsonElement[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();

    private sealed class FailingReader : TextReader
    {
        public override string ReadLine() => throw new IOException("broken pipe");

        public override int Read() => throw new IOException("broken pipe");
    }
}
