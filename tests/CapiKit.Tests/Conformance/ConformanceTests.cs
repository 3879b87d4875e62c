namespace CapiKit.Tests.Conformance;

/// <summary>
/// CapiKit's normalizers against every normalization expectation in the unit tests of Meta's five business SDKs and
/// of capi-param-builder (tests/conformance/). Each disagreement must be explained by a classification: Meta's
/// docs decide for CapiKit, or the docs are silent and docs/normalization.md argues the choice. None may be a case
/// where the docs decide for the SDK: that would be a CapiKit bug. The report is docs/conformance.md.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly Lazy<IReadOnlyList<ConformanceResult>> Results = new(() =>
        ConformanceCase.LoadAll(Path.Combine(RepositoryRoot.Path, "tests", "conformance"))
            .Where(c => c.IsComparable && Pii.Normalize.IsHashedKey(c.Field!))
            .Select(ConformanceResult.Evaluate)
            .ToList());

    [Fact]
    public void Every_source_was_read_and_compared()
    {
        string[] sources = Results.Value.Select(r => r.Case.Source).Distinct().ToArray();
        Assert.Equal(8, sources.Length);
        Assert.True(Results.Value.Count > 4_000, $"only {Results.Value.Count} cases compared");
    }

    [Fact]
    public void Every_disagreement_is_explained_and_none_is_one_the_docs_decide_for_the_SDK()
    {
        List<ConformanceResult> unexplained = Results.Value.Where(r => !r.Agrees && Classifications.Find(r) is null).ToList();
        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} unexplained, first: " + string.Join("; ", unexplained.Take(10).Select(r =>
                $"{r.Case.Label} [{r.Case.Input}] expected {r.Case.ExpectedNormalized ?? r.Case.ExpectedHash ?? "rejection"}, CapiKit {r.CapiKit.Value ?? r.CapiKit.Error!.Reason.ToString()}")));
        Assert.DoesNotContain(Classifications.All, c => c.Verdict == Verdict.DocsDecideForSdk);
    }

    [Fact]
    public void Every_classification_explains_at_least_one_case()
    {
        HashSet<string> used = Results.Value.Where(r => !r.Agrees).Select(r => Classifications.Find(r)?.Id).OfType<string>().ToHashSet();
        Assert.All(Classifications.All, c => Assert.Contains(c.Id, used));
    }

    [Fact]
    public void The_report_in_docs_is_current()
    {
        string path = Path.Combine(RepositoryRoot.Path, "docs", "conformance.md");
        string report = ConformanceReport.Write(Results.Value);
        if (Environment.GetEnvironmentVariable("CAPIKIT_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, report);
        }

        Assert.Equal(report, File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "");
    }
}
