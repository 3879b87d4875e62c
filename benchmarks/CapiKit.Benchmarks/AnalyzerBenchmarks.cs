using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Benchmarks;

/// <summary>
/// CapiKit's analyzers on a 1,000-file project, against the .NET SDK's own analyzers on the same code. BenchmarkDotNet's
/// time includes the binding both runs wait for; the analyzers' own execution time (the compiler's telemetry) is
/// printed at the end of each benchmark as one <c>Analyzer execution time</c> line, which run.sh shows.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: Iterations)]
public class AnalyzerBenchmarks
{
    public const int Files = 1000;

    private const int Iterations = 5;

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _capiKit;
    private ImmutableArray<DiagnosticAnalyzer> _sdk;
    private CompilationWithAnalyzers? _last;
    private readonly List<double> _executionMs = [];
    private string _group = "";
    private int _groupSize;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticProject.Compile("Analyzed", Enumerable.Range(0, Files).Select(i => ($"/src/File{i}.cs", File(i))));
        _capiKit = AnalyzerTelemetry.CapiKitAnalyzers();
        _sdk = [.. SyntheticProject.SdkAnalyzers()];
    }

    [Benchmark(Description = "CapiKit analyzers, 1,000 files")]
    public Task<ImmutableArray<Diagnostic>> CapiKit() => Run(_capiKit);

    [Benchmark(Description = ".NET SDK analyzers, 1,000 files")]
    public Task<ImmutableArray<Diagnostic>> Sdk() => Run(_sdk);

    // Read after the measured call, so fetching the telemetry is not part of BenchmarkDotNet's time.
    [IterationCleanup]
    public void ReadTelemetry()
    {
        if (_last is not null)
        {
            _executionMs.Add(AnalyzerTelemetry.ExecutionMilliseconds(_last));
            _last = null;
        }
    }

    [GlobalCleanup]
    public void Report()
    {
        // BenchmarkDotNet runs the jitting call and the warm-up iteration before the measured ones: keep the last.
        double[] measured = [.. _executionMs.TakeLast(Iterations)];
        if (measured.Length > 0)
        {
            Console.WriteLine(
                $"Analyzer execution time (telemetry, binding excluded), {Files:N0} files: {_group} ({_groupSize} analyzers) "
                + $"{measured.Average():F0} ms, mean of {measured.Length} measured runs (min {measured.Min():F0}, max {measured.Max():F0})");
        }
    }

    private Task<ImmutableArray<Diagnostic>> Run(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // BenchmarkDotNet runs one benchmark per process, so one group is ever timed here.
        _group = analyzers == _capiKit ? "CapiKit" : ".NET SDK";
        _groupSize = analyzers.Length;
        _last = _compilation.WithAnalyzers(analyzers, AnalyzerTelemetry.Options(concurrent: true));
        return _last.GetAnalyzerDiagnosticsAsync();
    }

    private static string File(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using CapiKit;
        using CapiKit.Pii;
        namespace Shop.Services{{i}};
        public sealed class Service
        {
            private readonly Dictionary<string, object> _settings = new() { ["retries"] = 3, ["region"] = "US" };
            public object Payload(string email, string ip) => new
            {
                event_name = "Lead",
                action_source = "website",
                event_source_url = "https://shop.example/{{i}}",
                event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email), client_ip_address = ip, client_user_agent = "ua" },
            };
            public ServerEvent Event(string email, string ua) =>
                ServerEvent.ForWebsite(EventDefinition.Purchase(10m, "USD"), DateTimeOffset.UtcNow, "https://shop.example/{{i}}", ua).SetEventId(Guid.NewGuid().ToString());
            public int Sum(IEnumerable<int> values) => values.Where(v => v % 2 == 0).Sum();
            public string Describe(DateTime when) => when.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        """;
}
