using System.Text;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's generator test, offline: .NET 8 reference assemblies from
/// Basic.Reference.Assemblies instead of a NuGet download, plus CapiKit itself. The analyzers that report what the
/// generator skips (CAPI100-CAPI114) run too, over the generated compilation: expected diagnostics are theirs and the
/// generator's together, so a diagnostic reported by both would fail as a duplicate.
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<EventGenerator, DefaultVerifier>
{
    public GeneratorTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location));
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [new EventClassShapeAnalyzer(), new ExtensionFileAnalyzer()];

    /// <summary>Code under test; its generated files are not compared unless added to <c>TestState.GeneratedSources</c>.</summary>
    public static GeneratorTest ForDiagnostics(string source, params (string Path, string Text)[] extensions)
    {
        GeneratorTest test = new() { TestCode = source, TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        foreach ((string path, string text) in extensions)
        {
            test.TestState.AdditionalFiles.Add((path, SourceText.From(text, Encoding.UTF8)));
        }

        return test;
    }

    protected override CompilationOptions CreateCompilationOptions() =>
        ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
