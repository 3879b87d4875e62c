using System.Collections.Immutable;
using System.Text;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Generators.Tests;

/// <summary>
/// Random and mutated <c>*.capi.json</c> files through the generator and ExtensionFileAnalyzer: neither throws (no
/// CS8785, no AD0001), and whatever the generator makes of a file (its good entries; the bad ones are the analyzer's
/// CAPI1xx diagnostics) compiles. Seeded, so a failure is reproducible.
/// </summary>
public sealed class ExtensionFileFuzzTests
{
    private const int Files = 300;

    private static readonly string[] Names =
    [
        "plan_id", "class", "event", "keys", "Keys", "value", "static", "string", "namespace", "this", "x", "a1", "tier",
        "TrialConverted", "Class", "Event", "Keys", "Definition", "Purchase", "int", "default", "new", "plan-id", "", "9lives",
        "\\ud800", "é", "plan_id",
    ];

    private static readonly string[] Types = ["string", "integer", "int64", "number", "boolean", "url", "enum", "array", "object", "text", "currency"];

    [Fact]
    public async Task Mutated_extension_files_never_crash_the_generator_or_the_analyzer_and_accepted_ones_compile()
    {
        Random random = new(20261201);
        List<string> failures = [];
        HashSet<int> filesWithProblems = [];
        for (int i = 0; i < Files; i++)
        {
            string json = Mutate(Generate(random), random);
            string? failure = await Check(json, i, filesWithProblems);
            if (failure is not null)
            {
                failures.Add($"#{i}: {failure}\n{json}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Files} files failed; first:\n{string.Join("\n\n", failures.Take(3))}");
        Assert.InRange(filesWithProblems.Count, Files / 10, Files - 1);   // the mutations do make bad files, and not only
    }

    private static async Task<string?> Check(string json, int index, HashSet<int> filesWithProblems)
    {
        CSharpCompilationHolder holder = new();
        InMemoryAdditionalText file = new($"/src/fuzz{index}/plans.capi.json", json);
        GeneratorDriver driver = GeneratorHarness.Driver(file).RunGeneratorsAndUpdateCompilation(holder.Compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        if (driver.GetRunResult().Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } exception })
        {
            return $"the generator threw {exception.GetType().Name}: {exception.Message}";
        }

        if (!diagnostics.IsEmpty)
        {
            return $"the generator reported {diagnostics[0]}; the analyzer reports what is wrong in extension files";
        }

        ImmutableArray<Diagnostic> reported = await output
            .WithAnalyzers([new CapiKit.Generators.Analysis.ExtensionFileAnalyzer()], new AnalyzerOptions([file]))
            .GetAnalyzerDiagnosticsAsync();
        if (reported.FirstOrDefault(d => !d.Id.StartsWith("CAPI10", StringComparison.Ordinal)) is { } crash)
        {
            return $"the analyzer reported {crash}";
        }

        if (!reported.IsEmpty)
        {
            filesWithProblems.Add(index);
        }

        // Entries with a problem are reported and left out; whatever was generated from the rest must compile.
        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        return errors.Length == 0 ? null : $"the generated code does not compile: {string.Join("; ", errors.Take(3).Select(e => e.ToString()))}";
    }

    private static string Generate(Random random)
    {
        StringBuilder json = new("{ ");
        bool any = false;
        if (random.Next(3) > 0)
        {
            json.Append("\"customDataFields\": [");
            int count = random.Next(0, 4);
            for (int i = 0; i < count; i++)
            {
                string type = Types[random.Next(Types.Length)];
                json.Append(i > 0 ? ", " : "").Append("{ \"name\": \"").Append(Names[random.Next(Names.Length)])
                    .Append("\", \"type\": \"").Append(type).Append('"')
                    .Append(type == "enum" ? ", \"enum\": \"DeliveryCategory\"" : type == "array" ? ", \"items\": { \"type\": \"string\" }" : "")
                    .Append(", \"required\": \"optional\", \"description\": \"d\" }");
            }

            json.Append(']');
            any = true;
        }

        if (!any || random.Next(2) == 0)
        {
            json.Append(any ? ", " : "").Append("\"customEvents\": [");
            int count = random.Next(0, 4);
            for (int i = 0; i < count; i++)
            {
                json.Append(i > 0 ? ", " : "").Append("{ \"name\": \"").Append(Names[random.Next(Names.Length)]).Append("\", \"description\": \"d\"");
                if (random.Next(2) == 0)
                {
                    json.Append(", \"requiredCustomData\": [\"").Append(Names[random.Next(Names.Length)]).Append("\", \"value\"]");
                }

                json.Append(" }");
            }

            json.Append(']');
        }

        return json.Append(" }").ToString();
    }

    // Typical slips: a dropped or doubled character, a misspelled property name, an extra property.
    private static string Mutate(string json, Random random) => random.Next(6) switch
    {
        0 when json.Length > 2 => json.Remove(random.Next(json.Length), 1),
        1 => json.Insert(random.Next(json.Length), json[random.Next(json.Length)].ToString()),
        2 => json.Replace("\"required\"", "\"requird\"", StringComparison.Ordinal).Replace("requiredCustomData", "requiredCustomDta", StringComparison.Ordinal),
        3 => json.Replace("\"description\": \"d\"", "\"description\": \"d\", \"extra\": 1", StringComparison.Ordinal),
        _ => json,
    };

    private sealed class CSharpCompilationHolder
    {
        public Compilation Compilation { get; } = GeneratorHarness.Compilation("Fuzz", "namespace Shop { public static class Nothing { } }");
    }
}
