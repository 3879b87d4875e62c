using System.Text;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// Random and mutated JSON payloads written as C# string literals, through every analyzer: none throws (no AD0001),
/// whatever the text holds (deep nesting, wrong kinds, escapes of lone surrogates, broken syntax). Seeded.
/// </summary>
public sealed class JsonLiteralFuzzTests
{
    private const int Literals = 400;

    private static readonly string[] Pieces =
    [
        "\"user_data\"", "\"em\"", "\"ph\"", "\"action_source\"", "\"website\"", "\"event_time\"", "\"custom_data\"", "\"data\"",
        "\"event_name\"", "\"\\\\ud800\"", "\"\\\\udc00x\"", "1700000000", "1700000000000", "-1", "1e999", "null", "true", "[", "]", "{", "}",
        ":", ",", "\"\"", "\"a@b.co\"", "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"", "\"fn\"", "\"value\"", "\"currency\"",
    ];

    [Fact]
    public async Task Mutated_JSON_literals_never_make_an_analyzer_throw()
    {
        Random random = new(17);
        StringBuilder source = new("class Payloads\n{\n");
        for (int i = 0; i < Literals; i++)
        {
            source.Append("    string P").Append(i).Append(" = \"").Append(Literal(random)).Append("\";\n");
        }

        source.Append("}\n");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fuzz",
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: "Fuzz.cs")],
            [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        List<Exception> exceptions = [];
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            [new PayloadAnalyzer(), new ConversionEventUsageAnalyzer(), new BuilderUsageAnalyzer(), new EventClassAnalyzer(), new SecretsAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
    }

    // A payload-shaped JSON text with user_data (so the JSON check looks at it), then pieces in random order.
    private static string Literal(Random random)
    {
        StringBuilder json = new("{ \\\"user_data\\\": { ");
        int count = random.Next(1, 30);
        for (int i = 0; i < count; i++)
        {
            json.Append(Pieces[random.Next(Pieces.Length)].Replace("\"", "\\\"", StringComparison.Ordinal)).Append(random.Next(3) == 0 ? " " : "");
        }

        if (random.Next(2) == 0)
        {
            json.Append(" } }");
        }

        return json.ToString();
    }
}
