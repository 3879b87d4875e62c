using System.Collections.Immutable;
using System.Text;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Tests.Infrastructure;

/// <summary>Runs CapiKit's generators over in-memory code with .NET 8 reference assemblies and CapiKit itself.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net80.References.All,
        MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/src/File{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new CoreModelGenerator().AsSourceGenerator(), new EventGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generators; fails on any exception they threw (which the compiler reports as CS8785).</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation, params AdditionalText[] files)
    {
        GeneratorDriver driver = Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (driver, output, diagnostics);
    }

    public static ImmutableArray<GeneratedSourceResult> Sources(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)];
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
}
