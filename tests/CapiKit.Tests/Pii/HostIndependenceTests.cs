using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

/// <summary>
/// The same input gives the same hash whatever the host's globalization mode (ARCHITECTURE.md, invariant 11):
/// <c>capi hash --jsonl</c> runs in a child process once in globalization-invariant mode (as the tool ships) and
/// once with ICU, and both must agree byte for byte with each other and with this process.
/// </summary>
public sealed class HostIndependenceTests
{
    // Values whose normalization needs Unicode data: decomposed input, Hangul, Turkish i, German sharp s, Greek
    // final sigma, accented country and state names.
    private static readonly (string Field, string Value, string? Region, string? Expected)[] Corpus =
    [
        ("fn", "Vale\u0301ry", null, "val\u00E9ry"),
        ("fn", "VAL\u00C9RY", null, "val\u00E9ry"),
        ("ln", "\u1100\u1161\u11BC", null, "\uAC15"),
        ("fn", "\uC815", null, "\uC815"),
        ("fn", "\u0130smail", null, "i\u0307smail"),
        ("ln", "YILDIRIM", null, "yildirim"),
        ("ln", "Y\u0131ld\u0131r\u0131m", null, "y\u0131ld\u0131r\u0131m"),
        ("ln", "STRA\u1E9EE", null, "stra\u00DFe"),
        ("ln", "Stra\u00DFe", null, "stra\u00DFe"),
        ("ln", "\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", null, "\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C2"),
        ("ct", "Montre\u0301al", null, "montr\u00E9al"),
        ("ct", "S\u00E3o Paulo", null, "s\u00E3opaulo"),
        ("em", "Jose\u0301@Example.COM", null, "jos\u00E9@example.com"),
        ("country", "T\u00FCrkiye", null, "tr"),
        ("country", "Tu\u0308rkiye", null, "tr"),
        ("country", "C\u00F4te d'Ivoire", null, "ci"),
        ("country", "Cura\u00E7ao", null, "cw"),
        ("country", "R\u00E9union", null, "re"),
        ("country", "\u00C5land Islands", null, "ax"),
        ("st", "Hawai\u02BBi", null, "hi"),
        ("st", "Qu\u00E9bec", null, null),
        ("zp", "M1 1AE", null, "m11ae"),
        ("ph", "(650) 555-1212", "US", "16505551212"),
        ("external_id", "\u00C9mile 42", null, "\u00E9mile42"),
    ];

    [Fact]
    public void Capi_hash_gives_the_same_bytes_with_and_without_ICU_as_this_process()
    {
        List<(string Field, string Value, string? Region, string? Expected)> lines = [.. Corpus, .. RandomCorpus(1_500)];
        string input = string.Join('\n', lines.Select(l => ToJsonLine(l.Field, l.Value, l.Region)));

        string[] invariant = RunCapi(input, invariantGlobalization: true);
        string[] icu = RunCapi(input, invariantGlobalization: false);

        Assert.Equal(lines.Count, invariant.Length);
        Assert.Equal(invariant, icu);
        for (int i = 0; i < lines.Count; i++)
        {
            (string field, string value, string? region, string? expected) = lines[i];
            JsonNode result = JsonNode.Parse(invariant[i])!;
            NormalizationResult here = PiiNormalizer.Normalize(field, value, Normalize.Options(region));
            Assert.Equal(here.Value, (string?)result["normalized"]);
            if (expected is not null)
            {
                Assert.Equal(expected, (string?)result["normalized"]);
            }
        }
    }

    // Letters of many scripts in composed and decomposed form, marks, punctuation and digits.
    private static IEnumerable<(string, string, string?, string?)> RandomCorpus(int count)
    {
        string[] fields = ["fn", "ln", "ct", "st", "country", "em", "zp", "external_id"];
        string[] pieces =
        [
            "a", "E", "\u00E9", "e\u0301", "\u00C5", "A\u030A", "\u0130", "\u0131", "I", "\u00DF", "\u1E9E", "\u03A3", "\u03C3",
            "\u0391", "\uAC00", "\u1100\u1161", "\u11A8", "\u0627", "\u05D0", "\u4E1C", "\u0915\u094D", "\u0301", "\u0308",
            "\u0327", "\u01C5", "\uFB01", "\u212B", "\u2126", "\u1F00", "\u0345", " ", "-", "'", ".", "7", "@", "\uFE0F", "\u200D",
            "\U0001F600", "\U0001D400", "\uD801\uDC00",
        ];
        Random random = new(20261201);
        for (int i = 0; i < count; i++)
        {
            StringBuilder value = new();
            int length = random.Next(1, 10);
            for (int j = 0; j < length; j++)
            {
                value.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return (fields[random.Next(fields.Length)], value.ToString(), null, null);
        }
    }

    private static string ToJsonLine(string field, string value, string? region)
    {
        JsonObject line = new() { ["field"] = field, ["value"] = value };
        if (region is not null)
        {
            line["region"] = region;
        }

        return line.ToJsonString();
    }

    private static string[] RunCapi(string input, bool invariantGlobalization)
    {
        string directory = AppContext.BaseDirectory;
        string runtimeConfig = Path.Combine(Path.GetTempPath(), $"capi-{Guid.NewGuid():N}.runtimeconfig.json");
        JsonNode config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "capi.runtimeconfig.json")))!;
        config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = invariantGlobalization;
        File.WriteAllText(runtimeConfig, config.ToJsonString());
        try
        {
            ProcessStartInfo start = new("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (string argument in new[] { "exec", "--runtimeconfig", runtimeConfig, Path.Combine(directory, "capi.dll"), "hash", "--jsonl" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariantGlobalization ? "1" : "0";
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "capi hash did not finish");
            Assert.True(process.ExitCode == 0, error.Result);
            return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        }
        finally
        {
            File.Delete(runtimeConfig);
        }
    }

    [Fact]
    public void This_test_host_really_uses_ICU_so_the_comparison_means_something() =>
        Assert.Equal("\u00E9", "e\u0301".Normalize(NormalizationForm.FormC));
}
