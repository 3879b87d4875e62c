using System.Globalization;
using System.IO.Compression;
using System.Text;
using CapiKit.Pii.Text;

namespace CapiKit.Tests.Pii.Text;

/// <summary>
/// CapiKit's own NFC and NFD against Unicode's conformance file (NormalizationTest.txt of the version the tables
/// were generated from): every listed case, and every other code point left as it is.
/// </summary>
public sealed class UnicodeNormalizationTests
{
    private static readonly Lazy<(List<string[]> Cases, HashSet<int> Listed)> Conformance = new(Load);

    [Fact]
    public void Tables_and_conformance_file_are_of_the_same_Unicode_version()
    {
        string header = ReadLines().First();
        Assert.Contains($"Database {UnicodeTables.UnicodeVersion}", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_conformance_case_composes_as_Unicode_says()
    {
        List<string> failures = [];
        foreach (string[] fields in Conformance.Value.Cases)
        {
            (string source, string nfc, string nfd) = (fields[0], fields[1], fields[2]);
            foreach ((string input, string expected) in new[] { (source, nfc), (nfc, nfc), (nfd, nfc) })
            {
                if (UnicodeNormalization.ToNfc(input) != expected)
                {
                    failures.Add($"NFC({Hex(input)}) = {Hex(UnicodeNormalization.ToNfc(input))}, expected {Hex(expected)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, first: {string.Join("; ", failures.Take(5))}");
        Assert.True(Conformance.Value.Cases.Count > 19_000, "the conformance file was read whole");
    }

    [Fact]
    public void Every_conformance_case_decomposes_as_Unicode_says()
    {
        List<string> failures = [];
        foreach (string[] fields in Conformance.Value.Cases)
        {
            (string source, string nfc, string nfd) = (fields[0], fields[1], fields[2]);
            foreach (string input in new[] { source, nfc, nfd })
            {
                if (UnicodeNormalization.ToNfd(input) != nfd)
                {
                    failures.Add($"NFD({Hex(input)}) = {Hex(UnicodeNormalization.ToNfd(input))}, expected {Hex(nfd)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, first: {string.Join("; ", failures.Take(5))}");
    }

    [Fact]
    public void Code_points_the_file_does_not_list_are_their_own_NFC_and_NFD()
    {
        HashSet<int> listed = Conformance.Value.Listed;
        List<string> failures = [];
        for (int codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF || listed.Contains(codePoint))
            {
                continue;
            }

            string text = char.ConvertFromUtf32(codePoint);
            if (UnicodeNormalization.ToNfc(text) != text || UnicodeNormalization.ToNfd(text) != text)
            {
                failures.Add(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        Assert.True(failures.Count == 0, $"changed: {string.Join(", ", failures.Take(20))}");
    }

    [Theory]
    [InlineData("Vale\u0301ry", "Val\u00E9ry")]
    [InlineData("\u1112\u1161\u11AB", "\uD55C")]          // Hangul jamo compose to 한
    [InlineData("\u00C5\u0301", "\u01FA")]
    [InlineData("a\u0328\u0301", "\u0105\u0301")]          // blocked: the ogonek composes, the acute stays
    [InlineData("\u0301e", "\u0301e")]                     // a leading mark composes with nothing
    public void Examples_compose(string input, string expected) =>
        Assert.Equal(expected, UnicodeNormalization.ToNfc(input));

    private static (List<string[]> Cases, HashSet<int> Listed) Load()
    {
        List<string[]> cases = [];
        HashSet<int> listed = [];
        bool partOne = false;
        foreach (string line in ReadLines().Skip(1))
        {
            if (line.StartsWith('@'))
            {
                partOne = line.StartsWith("@Part1", StringComparison.Ordinal);
                continue;
            }

            string[] fields = line.Split(';').Select(FromHex).ToArray();
            cases.Add(fields);
            if (partOne)
            {
                listed.Add(char.ConvertToUtf32(fields[0], 0));
            }
        }

        return (cases, listed);
    }

    private static IEnumerable<string> ReadLines()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Pii", "Text", "Data", "NormalizationTest.txt.gz");
        using GZipStream gzip = new(File.OpenRead(path), CompressionMode.Decompress);
        using StreamReader reader = new(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line.Trim();
            }
        }
    }

    private static string FromHex(string field)
    {
        StringBuilder text = new();
        foreach (string hex in field.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }

    private static string Hex(string text) =>
        string.Join(' ', text.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
