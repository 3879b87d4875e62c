using System.Globalization;
using System.Text;

namespace CapiKit.Tests.Conformance;

/// <summary>Writes docs/conformance.md from a conformance run: agreement per source and per field, and every kind of disagreement.</summary>
internal static class ConformanceReport
{
    private const int ExamplesPerKind = 4;

    public static string Write(IReadOnlyList<ConformanceResult> results)
    {
        // Each disagreement classified once, for both tables and the examples.
        Dictionary<ConformanceResult, Classification?> kinds = results.Where(r => !r.Agrees)
            .ToDictionary<ConformanceResult, ConformanceResult, Classification?>(r => r, Classifications.Find, ReferenceEqualityComparer.Instance);
        StringBuilder md = new();
        md.AppendLine("# Conformance with Meta's own SDK tests");
        md.AppendLine();
        md.AppendLine("Every normalization expectation in the unit tests of Meta's five business SDKs and of `facebook/capi-param-builder`,");
        md.AppendLine("extracted as data into [`tests/conformance/`](../tests/conformance/README.md), run through CapiKit's `PiiNormalizer` with");
        md.AppendLine("no default region (the SDK tests give none). Written by `ConformanceTests` (`CAPIKIT_UPDATE_BASELINES=1 dotnet test");
        md.AppendLine("tests/CapiKit.Tests --filter Conformance` rewrites it; without the variable the test fails when this page is stale).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Compared: **{results.Count}** cases with a string input and a per-value expectation; CapiKit agrees with **{results.Count(r => r.Agrees)}**.");
        md.AppendLine("Every disagreement is classified below: where Meta's docs decide, they decide for CapiKit; where they are silent,");
        md.AppendLine("[normalization.md](normalization.md) argues the choice. No disagreement is one where the docs decide for the SDK.");
        md.AppendLine();
        Table(md, "Per source", results, kinds, r => r.Case.Source);
        Table(md, "Per field", results, kinds, r => r.Case.Field!);

        md.AppendLine("## Disagreements by kind");
        md.AppendLine();
        md.AppendLine("| kind | verdict | cases | why |");
        md.AppendLine("|---|---|---:|---|");
        var byKind = kinds.GroupBy(k => k.Value?.Id ?? "unclassified").ToDictionary(g => g.Key, g => g.Select(k => k.Key).ToList());
        foreach (Classification kind in Classifications.All.Where(k => byKind.ContainsKey(k.Id)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{kind.Id}` | {Describe(kind.Verdict)} | {byKind[kind.Id].Count} | {kind.Why} |");
        }

        md.AppendLine();
        md.AppendLine("## Examples of each kind");
        md.AppendLine();
        foreach (Classification kind in Classifications.All.Where(k => byKind.ContainsKey(k.Id)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### `{kind.Id}`");
            md.AppendLine();
            md.AppendLine("| source | field | input | SDK test expects | CapiKit |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (ConformanceResult r in byKind[kind.Id].DistinctBy(r => (r.Case.Field, r.Case.Input)).Take(ExamplesPerKind))
            {
                string expected = r.Case.ExpectsRejection ? "nothing (rejected)" : Code(r.Case.ExpectedNormalized ?? r.Case.ExpectedHash!);
                string ours = r.CapiKit.Value is { } v ? Code(v) : $"rejected: {r.CapiKit.Error!.Reason}";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Case.Source} | `{r.Case.Field}` | {Code(r.Case.Input!)} | {expected} | {ours} |");
            }

            md.AppendLine();
        }

        return md.ToString().ReplaceLineEndings("\n");
    }

    private static void Table(StringBuilder md, string title, IReadOnlyList<ConformanceResult> results, Dictionary<ConformanceResult, Classification?> kinds, Func<ConformanceResult, string> key)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        md.AppendLine();
        md.AppendLine("| | cases | agree | docs decide for CapiKit | docs silent |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (IGrouping<string, ConformanceResult> group in results.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int agree = group.Count(r => r.Agrees);
            int forCapiKit = group.Count(r => !r.Agrees && kinds[r]?.Verdict == Verdict.DocsDecideForCapiKit);
            int silent = group.Count(r => !r.Agrees && kinds[r]?.Verdict == Verdict.DocsSilent);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {agree} ({100.0 * agree / group.Count():F0}%) | {forCapiKit} | {silent} |");
        }

        md.AppendLine();
    }

    private static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.DocsDecideForCapiKit => "Meta's docs decide for CapiKit",
        Verdict.DocsSilent => "docs silent",
        _ => "docs decide for the SDK",
    };

    // Inputs are test data of Meta's SDKs; control characters and pipes are escaped so the table stays a table.
    private static string Code(string text)
    {
        StringBuilder escaped = new();
        foreach (char c in text.Length > 48 ? text[..45] + "..." : text)
        {
            escaped.Append(c switch
            {
                '|' => "\\|",
                '`' => "'",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return escaped.Length == 0 ? "(empty)" : $"`{escaped}`";
    }
}
