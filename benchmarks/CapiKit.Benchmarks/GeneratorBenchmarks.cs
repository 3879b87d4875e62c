extern alias CapiKitGenerators;

using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Benchmarks;

/// <summary>
/// CapiKit's generator over 1,000 attributed event classes, and System.Text.Json's generator over 1,000
/// [JsonSerializable] types of the same shape: a cold run, and a run after an edit inside one class.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const int Classes = 1000;

    private CSharpCompilation _events = null!;
    private CSharpCompilation _eventsEdited = null!;
    private GeneratorDriver _eventsWarm = null!;
    private CSharpCompilation _json = null!;
    private CSharpCompilation _jsonEdited = null!;
    private GeneratorDriver _jsonWarm = null!;
    private ISourceGenerator _systemTextJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _events = SyntheticProject.Compile("Events", Enumerable.Range(0, Classes).Select(i => ($"/src/Purchase{i}.cs", SyntheticProject.EventClass(i))));
        _eventsEdited = Edit(_events, "/src/Purchase500.cs", SyntheticProject.EventClass(500).Replace("public string Url", "public string? Coupon { get; init; }\n    public string Url", StringComparison.Ordinal));
        _eventsWarm = CapiKitDriver().RunGenerators(_events);

        _systemTextJson = SyntheticProject.SystemTextJsonGenerator();
        _json = SyntheticProject.Compile(
            "Json",
            Enumerable.Range(0, Classes).Select(i => ($"/src/Purchase{i}.cs", SyntheticProject.JsonType(i))).Append(("/src/Context.cs", SyntheticProject.JsonContext(Classes))));
        _jsonEdited = Edit(_json, "/src/Purchase500.cs", SyntheticProject.JsonType(500).Replace("public string Url", "public string? Coupon { get; init; }\n    public string Url", StringComparison.Ordinal));
        _jsonWarm = JsonDriver().RunGenerators(_json);
    }

    [Benchmark(Description = "CapiKit: cold, 1,000 event classes")]
    public GeneratorDriver CapiKitCold() => CapiKitDriver().RunGenerators(_events);

    [Benchmark(Description = "CapiKit: edit inside one class")]
    public GeneratorDriver CapiKitEdit() => _eventsWarm.RunGenerators(_eventsEdited);

    [Benchmark(Description = "System.Text.Json: cold, 1,000 types")]
    public GeneratorDriver JsonCold() => JsonDriver().RunGenerators(_json);

    [Benchmark(Description = "System.Text.Json: edit inside one type")]
    public GeneratorDriver JsonEdit() => _jsonWarm.RunGenerators(_jsonEdited);

    /// <summary>How many files the one-class edit regenerates (reported, not timed).</summary>
    public static int FilesRegeneratedByOneEdit()
    {
        GeneratorBenchmarks benchmarks = new();
        benchmarks.Setup();
        GeneratorDriver driver = benchmarks._eventsWarm.RunGenerators(benchmarks._eventsEdited);
        return driver.GetRunResult().Results
            .SelectMany(r => r.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            .Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
    }

    private static CSharpGeneratorDriver CapiKitDriver() =>
        CSharpGeneratorDriver.Create(
            [new CapiKitGenerators::CapiKit.Generators.Generation.EventGenerator().AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private CSharpGeneratorDriver JsonDriver() =>
        CSharpGeneratorDriver.Create([_systemTextJson], parseOptions: SyntheticProject.ParseOptions);

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string source)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(source)));
    }
}
