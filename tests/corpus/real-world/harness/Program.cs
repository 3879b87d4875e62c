using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: harness <repo-root> [<path to the SDK's Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll>]. One compilation per directory holding a .csproj; every CapiKit analyzer; prints
// diagnostics, analyzer exceptions (AD0001) and CapiKit's own analyzer time.
string root = args[0];
var analyzers = typeof(CapiKit.Generators.Analysis.PayloadAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
// With a second argument, the .NET SDK's own analyzers (NetAnalyzers) run beside CapiKit's, timed apart.
var sdkAnalyzers = args.Length > 1
    ? new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(args[1], new Loader()).GetAnalyzers(LanguageNames.CSharp)
        .Concat(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(Path.Combine(Path.GetDirectoryName(args[1])!, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), new Loader()).GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray()
    : ImmutableArray<DiagnosticAnalyzer>.Empty;
TimeSpan sdkTime = TimeSpan.Zero;
var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(f)!).Distinct().ToList();
int files = 0, lines = 0, diagnosticsCount = 0, exceptionsCount = 0;
TimeSpan analyzerTime = TimeSpan.Zero;
var parse = new CSharpParseOptions(LanguageVersion.Latest);
foreach (string dir in projects.OrderBy(p => p))
{
    var sources = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
        .Where(f => projects.Where(p => p != dir && p.StartsWith(dir + "/", StringComparison.Ordinal)).All(p => !f.StartsWith(p + "/", StringComparison.Ordinal)))
        .ToList();
    if (sources.Count == 0)
    {
        continue;
    }

    var trees = sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f)).ToList();
    files += trees.Count;
    lines += trees.Sum(t => t.GetText().Lines.Count);
    var compilation = CSharpCompilation.Create(Path.GetFileName(dir), trees,
        [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    var exceptions = new List<string>();
    var withAnalyzers = compilation.WithAnalyzers(analyzers.AddRange(sdkAnalyzers), new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
        (e, a, d) =>
        {
            lock (exceptions)
            {
                exceptions.Add($"{a.GetType().Name}: {e}");
            }
        },
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: true));
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    var telemetry = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
    analyzerTime += telemetry.AnalyzerTelemetryInfo.Where(p => analyzers.Contains(p.Key)).Aggregate(TimeSpan.Zero, (s, t) => s + t.Value.ExecutionTime);
    sdkTime += telemetry.AnalyzerTelemetryInfo.Where(p => !analyzers.Contains(p.Key)).Aggregate(TimeSpan.Zero, (s, t) => s + t.Value.ExecutionTime);
    diagnostics = diagnostics.Where(d => d.Id.StartsWith("CAPI", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    diagnosticsCount += diagnostics.Length;
    exceptionsCount += exceptions.Count;
    foreach (var d in diagnostics)
    {
        Console.WriteLine($"DIAG {d}");
    }

    foreach (var e in exceptions)
    {
        Console.WriteLine($"AD0001 {e}");
    }
}
Console.WriteLine($"SUMMARY projects={projects.Count} files={files} lines={lines} diagnostics={diagnosticsCount} ad0001={exceptionsCount} capikit_analyzer_time={analyzerTime.TotalSeconds:F2}s sdk_analyzer_time={sdkTime.TotalSeconds:F2}s sdk_analyzers={sdkAnalyzers.Length}");

sealed class Loader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath) { }
    public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
}
