using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace CapiKit.Analyzers.Tests.RealWorld;

/// <summary>
/// The real-world corpus (<c>tests/corpus/real-world</c>): shapes of public CAPI integrations written anew, with the
/// diagnostics a reviewer expects marked in them. Each shape must compile and run every analyzer without an
/// exception; over the whole corpus, precision and recall must not fall below what RESULTS.md records.
/// </summary>
public sealed class RealWorldCorpusTests(ITestOutputHelper output)
{
    // Ratchet: raise these when the analyzers find more; a change that lowers them is a regression.
    private const int MinimumTruePositives = 51;
    private const int MaximumFalsePositives = 0;

    public static TheoryData<string> Shapes => [.. RealWorldCorpus.Names];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Shape_compiles_and_no_analyzer_throws(string name)
    {
        ShapeResult result = await RealWorldCorpus.RunAsync(name);

        Assert.True(result.CompilerErrors.IsEmpty, string.Join("\n", result.CompilerErrors));
        Assert.True(result.AnalyzerExceptions.Count == 0, string.Join("\n", result.AnalyzerExceptions));
    }

    [Fact]
    public async Task Precision_and_recall_over_the_corpus_do_not_regress()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        SortedDictionary<string, int[]> byRule = new(StringComparer.Ordinal);
        StringBuilder report = new();
        foreach (string name in RealWorldCorpus.Names)
        {
            ShapeResult result = await RealWorldCorpus.RunAsync(name);
            int tp = result.TruePositives.Count(), fp = result.FalsePositives.Count(), fn = result.FalseNegatives.Count();
            truePositives += tp;
            falsePositives += fp;
            falseNegatives += fn;
            report.AppendLine(CultureInfo.InvariantCulture, $"{name}: expected {result.Expected.Count}, TP {tp}, FP {fp}, FN {fn}");
            Count(byRule, result.TruePositives, 0);
            Count(byRule, result.FalsePositives, 1);
            Count(byRule, result.FalseNegatives, 2);
            foreach (var finding in result.FalsePositives)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  FP {result.Describe(finding)}");
            }

            foreach (var finding in result.FalseNegatives)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  FN {result.Describe(finding)}");
            }
        }

        double precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        double recall = truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);
        foreach ((string id, int[] counts) in byRule)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"RULE {id} TP {counts[0]} FP {counts[1]} FN {counts[2]}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"TOTAL TP {truePositives} FP {falsePositives} FN {falseNegatives} precision {precision:P1} recall {recall:P1}");
        output.WriteLine(report.ToString());

        Assert.True(truePositives >= MinimumTruePositives, report.ToString());
        Assert.True(falsePositives <= MaximumFalsePositives, report.ToString());
    }

    private static void Count(SortedDictionary<string, int[]> byRule, IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> findings, int column)
    {
        foreach (var finding in findings)
        {
            if (!byRule.TryGetValue(finding.Id, out int[]? counts))
            {
                byRule[finding.Id] = counts = new int[3];
            }

            counts[column]++;
        }
    }
}
