extern alias CapiKitGenerators;

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Benchmarks;

/// <summary>CapiKit's analyzers on a 1,000-file project, against the .NET SDK's own analyzers on the same code.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalyzerBenchmarks
{
    public const int Files = 1000;

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _capiKit;
    private ImmutableArray<DiagnosticAnalyzer> _sdk;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticProject.Compile("Analyzed", Enumerable.Range(0, Files).Select(i => ($"/src/File{i}.cs", File(i))));
        _capiKit =
        [
            new CapiKitGenerators::CapiKit.Generators.Analysis.PayloadAnalyzer(),
            new CapiKitGenerators::CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer(),
            new CapiKitGenerators::CapiKit.Generators.Analysis.EventClassAnalyzer(),
            new CapiKitGenerators::CapiKit.Generators.Analysis.BuilderUsageAnalyzer(),
            new CapiKitGenerators::CapiKit.Generators.Analysis.SecretsAnalyzer(),
        ];
        _sdk = [.. SyntheticProject.SdkAnalyzers()];
    }

    [Benchmark(Description = "CapiKit analyzers, 1,000 files")]
    public Task<ImmutableArray<Diagnostic>> CapiKit() => Run(_capiKit);

    [Benchmark(Description = ".NET SDK analyzers, 1,000 files")]
    public Task<ImmutableArray<Diagnostic>> Sdk() => Run(_sdk);

    private Task<ImmutableArray<Diagnostic>> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

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
