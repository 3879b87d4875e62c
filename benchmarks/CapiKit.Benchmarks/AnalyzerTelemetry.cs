extern alias CapiKitGenerators;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Benchmarks;

/// <summary>
/// What the analyzer benchmarks share: CapiKit's analyzers as a build loads them, and the analyzers' own execution
/// time as the compiler measures it (<c>CompilationWithAnalyzers</c> telemetry, the figure <c>-reportanalyzer</c>
/// prints), which leaves out the binding every analyzer run waits for.
/// </summary>
internal static class AnalyzerTelemetry
{
    /// <summary>
    /// Every <see cref="DiagnosticAnalyzer"/> of CapiKit.Generators, found as the compiler finds them (the
    /// <c>[DiagnosticAnalyzer]</c> attribute), so a new analyzer is timed without anyone adding it to a list.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> CapiKitAnalyzers() =>
        [.. typeof(CapiKitGenerators::CapiKit.Generators.Analysis.PayloadAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];

    /// <summary>Options that make the compiler log each analyzer's execution time.</summary>
    public static CompilationWithAnalyzersOptions Options(bool concurrent) =>
        new(new AnalyzerOptions([]), null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true);

    /// <summary>The analyzers' summed execution time in milliseconds, once <paramref name="run"/> has analyzed.</summary>
    public static double ExecutionMilliseconds(CompilationWithAnalyzers run) =>
        run.Analyzers.Sum(analyzer => run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
}
