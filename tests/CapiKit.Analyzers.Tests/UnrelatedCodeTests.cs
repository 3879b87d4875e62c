using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// Every analyzer on a 5,000-line file of ordinary code with look-alikes (an "em" font size, an "event_time" in a log
/// record, JSON without user_data): no CAPI diagnostic, no analyzer exception (AD0001).
/// </summary>
public sealed class UnrelatedCodeTests
{
    [Fact]
    public async Task A_large_file_of_unrelated_code_raises_nothing()
    {
        string source = MixedSource(targetLines: 5_000);
        Assert.True(source.Split('\n').Length >= 5_000);

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Mixed",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Mixed.cs")],
            [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        List<Exception> exceptions = [];
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            RealWorld.RealWorldCorpus.Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    private static string MixedSource(int targetLines)
    {
        StringBuilder code = new("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;
            using CapiKit;
            using CapiKit.Pii;

            namespace Mixed;

            """);
        int i = 0;
        while (code.ToString().Split('\n').Length < targetLines)
        {
            code.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                public sealed class Service{{i}}
                {
                    private readonly Dictionary<string, object> _settings = new() { ["em"] = 1.5, ["ph"] = "7.2", ["ct"] = "celsius" };

                    public object Style(string size) => new { em = size, ph = 7.2, color = "#fff" };

                    public async Task<int> SumAsync(IEnumerable<int> values)
                    {
                        await Task.Yield();
                        return values.Where(v => v % 2 == 0).Select(v => v * {{i % 7 + 1}}).Sum();
                    }

                    public string Describe(DateTime when, string email) =>
                        $"{when:O} {email.Trim().ToLowerInvariant()} {DateTimeOffset.UtcNow.AddDays(-{{i % 30}})}";

                    public object LogRecord(string user) => new { event_time = DateTimeOffset.UtcNow.AddDays(-40), user, level = "info" };

                    public string Json() => "{\"name\":\"service{{i}}\",\"em\":\"x@example.com\",\"event_time\":1}";

                    public JsonObject Node(string email) => new JsonObject { ["em"] = email, ["kind"] = "contact" };

                    public ServerEvent Event(string email, string ua) =>
                        ServerEvent.ForWebsite(EventDefinition.Lead, DateTimeOffset.UtcNow.AddMinutes(-{{i % 60}}), "https://shop.example/{{i}}", ua)
                            .SetEventId("lead-" + Guid.NewGuid());

                    public object Payload(string email) => new
                    {
                        event_name = "Lead",
                        action_source = "website",
                        event_source_url = "https://shop.example/",
                        event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                        user_data = new { em = PiiNormalizer.NormalizeAndHash("em", email), client_user_agent = "ua" },
                    };

                    public int Parse(string text) => int.TryParse(text, out int value) ? value : -1;

                    public IEnumerable<string> Split(string text)
                    {
                        foreach (string part in text.Split(','))
                        {
                            if (part.Length > {{i % 5}})
                            {
                                yield return part;
                            }
                        }
                    }
                }


                """);
            i++;
        }

        return code.ToString();
    }
}
