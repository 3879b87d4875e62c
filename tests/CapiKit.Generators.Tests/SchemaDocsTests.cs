using System.Text;
using System.Text.RegularExpressions;
using CapiKit.Generators.Schema;
using CapiKit.Generators.Tests.Infrastructure;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The lists the docs show (which keys are hashed, which are sent raw, the invalid-only combinations) are written
/// from the schema between <c>&lt;!-- schema:NAME --&gt;</c> and <c>&lt;!-- /schema --&gt;</c>, and each rule's page
/// carries the rule table's title, severity and category. Run with <c>CAPIKIT_UPDATE_BASELINES=1</c> to rewrite the
/// sections after a schema change.
/// </summary>
public sealed partial class SchemaDocsTests
{
    private static SchemaModel Schema => BuiltInSchema.Value.Model!;

    public static TheoryData<string> DocumentsWithSections()
    {
        TheoryData<string> files = new();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(RepositoryPaths.Root, "README.md")))
        {
            if (File.ReadAllText(file).Contains("<!-- schema:", StringComparison.Ordinal))
            {
                files.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(DocumentsWithSections))]
    public void Generated_sections_match_the_schema(string relativePath)
    {
        string path = Path.Combine(RepositoryPaths.Root, relativePath);
        string text = File.ReadAllText(path).ReplaceLineEndings("\n");
        string expected = Section().Replace(text, match => $"<!-- schema:{match.Groups[1].Value} -->\n{Render(match.Groups[1].Value)}<!-- /schema -->");
        if (Environment.GetEnvironmentVariable("CAPIKIT_UPDATE_BASELINES") == "1" && expected != text)
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Equal(expected, text);
    }

    public static TheoryData<string> RuleIds()
    {
        TheoryData<string> ids = new();
        foreach (RuleSpec rule in Schema.Rules)
        {
            ids.Add(rule.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_page_carries_the_rule_tables_title_severity_and_category(string id)
    {
        RuleSpec rule = Schema.Rule(id);
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", id + ".md"));
        Assert.StartsWith($"# {id}: {rule.Title}\n", page.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"| Severity | {char.ToUpperInvariant(rule.Severity[0])}{rule.Severity[1..]} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Category | {rule.Category} |", page, StringComparison.Ordinal);
    }

    private static string Render(string name)
    {
        IEnumerable<FieldSpec> fields = Schema.Object("user_data").Fields;
        StringBuilder text = new();
        switch (name)
        {
            case "hashed-keys":
                Table(text, fields.Where(f => f.Hashing == "required"));
                break;
            case "hashed-keys-all":
                Table(text, fields.Where(f => f.IsHashed));
                break;
            case "raw-keys":
                text.Append("| Key | Value | Format |\n|---|---|---|\n");
                foreach (FieldSpec field in fields.Where(f => f.Hashing == "never"))
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{field.Name}` | {field.Description} | {(field.Format is null ? "" : $"`{field.Format}`")} |\n");
                }

                break;
            case "invalid-only":
                foreach (var combination in Schema.Object("user_data").InvalidOnlyCombinations)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"- `{{{string.Join(", ", combination)}}}`\n");
                }

                break;
            default:
                throw new Xunit.Sdk.XunitException($"no generated section is called '{name}'");
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, IEnumerable<FieldSpec> fields)
    {
        text.Append("| Key | Value | Normalization | Hashing |\n|---|---|---|---|\n");
        foreach (FieldSpec field in fields)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{field.Name}` | {field.Description} | `{field.Normalization}` | {field.Hashing} |\n");
        }
    }

    [GeneratedRegex(@"<!-- schema:([a-z-]+) -->\n(?:.*\n)*?<!-- /schema -->")]
    private static partial Regex Section();
}
