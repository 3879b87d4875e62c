using System.Collections.Immutable;
using System.Reflection;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Analyzers.Tests.RealWorld;

/// <summary>
/// Runs every CapiKit analyzer over one shape of <c>tests/corpus/real-world/shapes</c> and compares what it reports
/// with the shape's markup (<c>{|CAPI001:expr|}</c>): a finding counts when its ID and span both match.
/// </summary>
internal static class RealWorldCorpus
{
    /// <summary>The corpus was written before the rule table named these; the analyzers report them under these IDs.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["CAPI015"] = "CAPI013",
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static IEnumerable<string> Names =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [.. typeof(PayloadAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    public static async Task<ShapeResult> RunAsync(string name, IReadOnlySet<string>? ids = null)
    {
        string markup = await File.ReadAllTextAsync(Path.Combine(Directory, name + ".cs"));
        TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        HashSet<(string Id, TextSpan Span)> expected = [];
        foreach ((string id, ImmutableArray<TextSpan> idSpans) in spans)
        {
            string reported = Renamed.TryGetValue(id, out string? renamed) ? renamed : id;
            if (ids is null || ids.Contains(reported))
            {
                expected.UnionWith(idSpans.Select(span => (reported, span)));
            }
        }

        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: name + ".cs");
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            [tree],
            [
                .. Basic.Reference.Assemblies.Net80.References.All,
                MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        ImmutableArray<Diagnostic> errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

        List<Exception> exceptions = [];
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        HashSet<(string Id, TextSpan Span)> actual =
        [
            .. diagnostics.Where(d => d.Id.StartsWith("CAPI", StringComparison.Ordinal) && (ids is null || ids.Contains(d.Id)))
                .Select(d => (d.Id, d.Location.SourceSpan)),
        ];

        return new ShapeResult(name, source, errors, exceptions, expected, actual, diagnostics);
    }
}

/// <summary>What the analyzers reported on one shape against what its markup expects.</summary>
internal sealed record ShapeResult(
    string Name,
    string Source,
    ImmutableArray<Diagnostic> CompilerErrors,
    IReadOnlyList<Exception> AnalyzerExceptions,
    IReadOnlySet<(string Id, TextSpan Span)> Expected,
    IReadOnlySet<(string Id, TextSpan Span)> Actual,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<(string Id, TextSpan Span)> TruePositives => Expected.Intersect(Actual);

    public IEnumerable<(string Id, TextSpan Span)> FalsePositives => Actual.Except(Expected);

    public IEnumerable<(string Id, TextSpan Span)> FalseNegatives => Expected.Except(Actual);

    public string Describe((string Id, TextSpan Span) finding)
    {
        LinePosition start = SourceText.From(Source).Lines.GetLinePosition(finding.Span.Start);
        string text = Source.Substring(finding.Span.Start, Math.Min(finding.Span.Length, 60)).ReplaceLineEndings(" ");
        return $"{finding.Id} at {start.Line + 1}:{start.Character + 1} `{text}`";
    }
}
