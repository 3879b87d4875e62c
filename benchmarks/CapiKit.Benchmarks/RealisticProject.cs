extern alias CapiKitGenerators;

using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Benchmarks;

/// <summary>
/// CapiKit's generator and analyzers on a real project rather than generated files: the repository's sample shop
/// (<c>samples/Checkout</c>, an ASP.NET Core app with four attributed event classes, the Pixel, the queue and the
/// emulator), compiled as <c>dotnet build</c> compiles it (the Web SDK's implicit usings, the ASP.NET Core shared
/// framework, CapiKit, CapiKit.AspNetCore, CapiKit.Testing). Prints the median of several runs of each.
/// </summary>
internal static class RealisticProject
{
    private const int Runs = 7;

    private static readonly string[] BuiltReferences = ["CapiKit.AspNetCore", "CapiKit.Testing"];

    // The Web SDK's implicit global usings (Microsoft.NET.Sdk.Web), which the sample relies on.
    private const string ImplicitUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static void Run(string repository)
    {
        string project = Path.Combine(repository, "samples", "Checkout");
        string[] files = [.. Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        int lines = files.Sum(path => File.ReadAllLines(path).Length);

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Checkout",
            [.. files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), SyntheticProject.ParseOptions, path)),
             CSharpSyntaxTree.ParseText(ImplicitUsings, SyntheticProject.ParseOptions, "GlobalUsings.g.cs")],
            References(repository),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = null!;
        double generator = Median(() => driver = CSharpGeneratorDriver.Create(
            [new CapiKitGenerators::CapiKit.Generators.Generation.EventGenerator().AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions).RunGeneratorsAndUpdateCompilation(compilation, out _, out _));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        int generatedFiles = driver.GetRunResult().GeneratedTrees.Length;
        Diagnostic[] errorList = [.. generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        int errors = errorList.Length;
        if (Environment.GetEnvironmentVariable("REALISTIC_ERRORS") is not null)
        {
            // The first compile errors, when the count above is not 0 (a reference not found).
            foreach (Diagnostic error in errorList.Take(8))
            {
                Console.WriteLine(error);
            }
        }

        ImmutableArray<DiagnosticAnalyzer> analyzers = AnalyzerTelemetry.CapiKitAnalyzers();
        ImmutableArray<Diagnostic> reported = [];
        double withBinding = Median(() => reported = generated
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());

        // The analyzers' own execution time, as the compiler measures it (ReportAnalyzer's figure), without binding.
        double analysis = Median(() =>
        {
            CompilationWithAnalyzers run = generated.WithAnalyzers(analyzers, AnalyzerTelemetry.Options(concurrent: false));
            _ = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return AnalyzerTelemetry.ExecutionMilliseconds(run);
        });
        double compile = Median(() => generated.Clone().GetDiagnostics());

        Console.WriteLine(
            $"Realistic project (samples/Checkout: {files.Length} files, {lines:N0} lines, {generatedFiles} generated, {errors} compile errors): "
            + $"CapiKit generator {generator:F1} ms, CapiKit's {analyzers.Length} analyzers {analysis:F1} ms of execution ({withBinding:F1} ms with the binding they wait for; "
            + $"{reported.Length} diagnostics), the compiler binding the same project {compile:F1} ms; median of {Runs} warm runs");
    }

    /// <summary>
    /// The sample's references: the running framework, ASP.NET Core's shared framework beside it, CapiKit, and
    /// CapiKit.AspNetCore and CapiKit.Testing as <c>dotnet build -c Release</c> leaves them (run.sh builds them; they
    /// are not project references, which would make BenchmarkDotNet build them again for every job).
    /// </summary>
    private static IEnumerable<MetadataReference> References(string repository)
    {
        string aspNetCore = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "Microsoft.AspNetCore.App",
            Path.GetFileName(Path.GetDirectoryName(typeof(object).Assembly.Location)!));
        IEnumerable<string> framework = Directory.Exists(aspNetCore) ? Directory.EnumerateFiles(aspNetCore, "*.dll") : [];
        // ASP.NET Core's shared framework first: where the benchmark's own dependencies carry an older copy of an
        // assembly it ships (Microsoft.Extensions.*), the framework's is the one the sample builds against.
        return framework.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Concat(SyntheticProject.References)
            .Concat(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("Microsoft.", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(path => MetadataReference.CreateFromFile(path)))
            .Concat(BuiltReferences
                .SelectMany(name => Directory.Exists(Path.Combine(repository, "src", name, "bin", "Release"))
                    ? Directory.EnumerateFiles(Path.Combine(repository, "src", name, "bin", "Release"), name + ".dll", SearchOption.AllDirectories).Take(1)
                    : [])
                .Select(path => MetadataReference.CreateFromFile(path)))
            .GroupBy(reference => Path.GetFileName(((PortableExecutableReference)reference).FilePath), StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First());
    }

    private static double Median(Action run) => Median(() =>
    {
        long started = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    });

    /// <summary>The median of <see cref="Runs"/> measurements in milliseconds, after one warm-up.</summary>
    private static double Median(Func<double> measure)
    {
        _ = measure();
        double[] times = new double[Runs];
        for (int i = 0; i < Runs; i++)
        {
            times[i] = measure();
        }

        Array.Sort(times);
        return times[Runs / 2];
    }
}
