using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CapiKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing with offline references: .NET 8 reference assemblies from
/// Basic.Reference.Assemblies (no NuGet download at test time) and CapiKit itself.
/// </summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Text.Json.Nodes;\nusing System.Text.Json.Serialization;\nusing CapiKit;\nusing CapiKit.Pii;\n";

    public static Task Diagnostics(string source) => new Test { TestCode = source }.RunAsync();

    /// <summary>Runs with an .editorconfig, to check that severities can be configured.</summary>
    public static Task Diagnostics(string source, string editorConfig)
    {
        Test test = new() { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        return test.RunAsync();
    }

    /// <summary>
    /// Applies the fix one diagnostic at a time and with Fix All (document, project, solution); each way must give
    /// <paramref name="fixedSource"/>, which must then compile and raise no diagnostic of the analyzer.
    /// </summary>
    public static Task Fix(string source, string fixedSource, string? equivalenceKey = null) => new Test
    {
        TestCode = source,
        FixedCode = fixedSource,
        CodeActionEquivalenceKey = equivalenceKey,
    }.RunAsync();

    /// <summary>
    /// Like <see cref="Fix(string, string, string?)"/>, and the source and the fixed source must also compile without
    /// warnings: a fix must not add a nullable warning (an error under TreatWarningsAsErrors).
    /// </summary>
    public static Task FixWithoutWarnings(string source, string fixedSource) => new Test
    {
        TestCode = source,
        FixedCode = fixedSource,
        CompilerDiagnostics = CompilerDiagnostics.Warnings,
    }.RunAsync();

    /// <summary>Like <see cref="Fix(string, string, string?)"/>, with MSBuild properties as CapiKit's props make them visible.</summary>
    public static Task FixWithProperties(string source, string fixedSource, string globalConfig)
    {
        Test test = new() { TestCode = source, FixedCode = fixedSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        return test.RunAsync();
    }

    /// <summary>Like <see cref="Fix(string, string, string?)"/>, with another file of the project that is left as it is.</summary>
    public static Task FixWithFile(string source, string fixedSource, string otherFile)
    {
        Test test = new() { TestCode = source, FixedCode = fixedSource };
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", otherFile));
        test.FixedState.Sources.Add(("/0/GlobalUsings.cs", otherFile));
        return test.RunAsync();
    }

    /// <summary>Like <see cref="Fix(string, string, string?)"/>, where the fix leaves some diagnostics (marked in <paramref name="fixedSource"/>) unfixed.</summary>
    public static Task FixPartly(string source, string fixedSource, string equivalenceKey, string? otherFile = null)
    {
        Test test = new() { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        if (otherFile is not null)
        {
            test.TestState.Sources.Add(("/0/Other.cs", otherFile));
            test.FixedState.Sources.Add(("/0/Other.cs", otherFile));
        }

        return test.RunAsync();
    }

    /// <summary>Like <see cref="Fix(string, string, string?)"/>, over several files, so Fix All in project and solution cross them.</summary>
    public static Task FixFiles((string Path, string Source)[] sources, (string Path, string Source)[] fixedSources, string? equivalenceKey = null)
    {
        Test test = new() { CodeActionEquivalenceKey = equivalenceKey };
        foreach ((string path, string source) in sources)
        {
            test.TestState.Sources.Add((path, source));
        }

        foreach ((string path, string source) in fixedSources)
        {
            test.FixedState.Sources.Add((path, source));
        }

        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // A rule reports each kind of finding through its own descriptor (one message format each), all with the
            // rule's ID; markup names only the ID, and the message is the rule's business, tested against the schema.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            ReferenceAssemblies = new ReferenceAssemblies("net8.0");
            TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(CapiKit.ServerEvent).Assembly.Location));
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
