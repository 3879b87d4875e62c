using System.Text.RegularExpressions;
using CapiKit.Generators.Schema;
using CapiKit.Generators.Tests.Infrastructure;

namespace CapiKit.Generators.Tests;

/// <summary>
/// ARCHITECTURE.md invariants 1 and 9: rule IDs, Meta subcodes and user_data keys are written in the schema, the rule
/// files, the tests and the docs pages, and nowhere else in the product's code. Everything else reads them from the
/// schema (or from code generated from it), so a second list cannot drift.
/// </summary>
public sealed partial class NoSecondListsTests
{
    /// <summary>
    /// user_data key spellings that are something else where they appear: ordinal and abbreviation words of the
    /// normalization rules' text processing, and normalization rule names (the schema's <c>normalizations</c>).
    /// </summary>
    private static readonly (string File, string Literal, string Why)[] NotKeys =
    [
        ("src/CapiKit/Pii/Rules/DateParts.cs", "st", "the ordinal suffix of 1st, read in dates of birth"),
        ("src/CapiKit/Pii/Data/Countries.cs", "st", "the abbreviation St. (Saint) in country names"),
        ("src/CapiKit/Pii/Rules/CountryRule.cs", "country", "the name of the schema's country normalization"),
        ("src/CapiKit/Pii/Rules/ExternalIdRule.cs", "external_id", "the name of the schema's external_id normalization"),
    ];

    private static SchemaModel Schema => BuiltInSchema.Value.Model!;

    [Fact]
    public void No_rule_id_literal_outside_the_rule_files()
    {
        Assert.Empty(CodeLines().Where(l => !l.File.Contains("/Analysis/Rules/", StringComparison.Ordinal) && RuleIdLiteral().IsMatch(l.Code)).Select(l => l.ToString()));
    }

    [Fact]
    public void No_Meta_subcode_in_the_products_code()
    {
        int[] subcodes = Schema.Errors.Where(e => e.Subcode is >= 1000).Select(e => e.Subcode!.Value).ToArray();
        Assert.NotEmpty(subcodes);
        Assert.Empty(AllLines().Where(l => subcodes.Any(s => Regex.IsMatch(l.Code, $@"\b{s}\b"))).Select(l => l.ToString()));
    }

    [Fact]
    public void No_user_data_key_literal_outside_the_schema()
    {
        string[] keys = Schema.Object("user_data").Fields.Select(f => f.Name).ToArray();
        var found = CodeLines()
            .SelectMany(l => keys.Where(k => l.Code.Contains($"\"{k}\"", StringComparison.Ordinal)).Select(k => (Line: l, Key: k)))
            .Where(hit => !hit.Line.File.Contains("/Analysis/Rules/", StringComparison.Ordinal))
            .Where(hit => !NotKeys.Any(n => hit.Line.File == n.File && hit.Key == n.Literal))
            .Select(hit => $"\"{hit.Key}\" in {hit.Line}");
        Assert.Empty(found);
    }

    [Fact]
    public void No_hand_written_list_of_user_data_keys_in_code_comments_help_or_docs()
    {
        string[] keys = Schema.Object("user_data").Fields.Select(f => f.Name).ToArray();
        Regex list = new($@"`?\b({string.Join("|", keys.Select(Regex.Escape))})\b`?(,\s*(and\s+)?`?\b({string.Join("|", keys.Select(Regex.Escape))})\b`?){{3,}}");
        IEnumerable<SourceLine> docs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepositoryPaths.Root, "README.md"))
            .SelectMany(ReadLines)
            .Where(l => !InsideGeneratedSection(l));
        Assert.Empty(AllLines().Concat(docs).Where(l => list.IsMatch(l.Code)).Select(l => l.ToString()));
    }

    /// <summary>The product's C# lines, comments included, without generated code.</summary>
    private static IEnumerable<SourceLine> AllLines() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(ReadLines);

    /// <summary>The product's C# lines without comment lines: where a literal is code.</summary>
    private static IEnumerable<SourceLine> CodeLines() =>
        AllLines().Where(l => !l.Code.TrimStart().StartsWith("//", StringComparison.Ordinal));

    private static IEnumerable<SourceLine> ReadLines(string path)
    {
        string relative = Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
        string[] lines = File.ReadAllLines(path);
        bool generated = false;
        for (int i = 0; i < lines.Length; i++)
        {
            generated = lines[i].Contains("<!-- schema:", StringComparison.Ordinal) || (generated && !lines[i].Contains("<!-- /schema -->", StringComparison.Ordinal));
            yield return new SourceLine(relative, i + 1, lines[i], generated);
        }
    }

    private static bool InsideGeneratedSection(SourceLine line) => line.Generated;

    private sealed record SourceLine(string File, int Number, string Code, bool Generated)
    {
        public override string ToString() => $"{File}:{Number}: {Code.Trim()}";
    }

    [GeneratedRegex("\"CAPI[0-9]{3}\"")]
    private static partial Regex RuleIdLiteral();
}
