using System.Text;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The CAPI1nn diagnostics come from analyzers, so the compiler applies configured severities to them like to any
/// other: <c>.editorconfig</c> and <c>#pragma</c> for the C# ones (CAPI110-CAPI114), <c>.globalconfig</c> for those in
/// <c>*.capi.json</c> files (CAPI100-CAPI102). A location in an additional file belongs to no syntax tree, and Roslyn
/// reads a severity for it only from global configuration; an <c>.editorconfig</c> section does not reach it.
/// </summary>
public sealed class DiagnosticSeverityTests
{
    private const string Usings = "using CapiKit;\nusing System;\n";

    public static TheoryData<string, string> CodeCases() => new()
    {
        { "CAPI110", """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public class {|#0:Lead|} { }
            """ },
        { "CAPI111", """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class Lead { [UserData(UserDataField.Email)] public int {|#0:Email|} { get; init; } }
            """ },
        { "CAPI112", """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class Lead
            {
                [UserData(UserDataField.Email)] public string? Email { get; init; }
                [UserData(UserDataField.Email)] public string? {|#0:Backup|} { get; init; }
            }
            """ },
        { "CAPI113", """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class Lead { [CustomData("loyalty_tier")] public string? {|#0:Tier|} { get; init; } }
            """ },
        { "CAPI114", """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class {|#0:Lead|}<T> { }
            """ },
    };

    public static TheoryData<string, string, int> FileCases() => new()
    {
        { "CAPI100", "{\n  \"customEvents\": [\n    { \"name\": \"X\", }\n  ]\n}", 3 },
        { "CAPI101", "{\n  \"customEvents\": [ { \"name\": \"Renewed\", \"description\": \"d\", \"requiredCustomDta\": [\"value\"] } ]\n}", 2 },
        { "CAPI102", "{\n  \"customEvents\": [ { \"name\": \"Purchase\", \"description\": \"Ours.\" } ]\n}", 2 },
    };

    [Theory]
    [MemberData(nameof(CodeCases))]
    public async Task Editorconfig_none_silences_a_code_diagnostic(string id, string source) =>
        await CodeTest(source, EditorConfig(id, "none")).RunAsync();

    [Theory]
    [MemberData(nameof(CodeCases))]
    public async Task Editorconfig_warning_makes_a_code_diagnostic_a_warning(string id, string source)
    {
        GeneratorTest test = CodeTest(source, EditorConfig(id, "warning"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(CodeCases))]
    public async Task Editorconfig_error_keeps_a_code_diagnostic_an_error_after_a_globalconfig_lowered_it(string id, string source)
    {
        // The .editorconfig section of the file wins over the project-wide .globalconfig.
        GeneratorTest test = CodeTest(source, EditorConfig(id, "error"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From($"is_global = true\ndotnet_diagnostic.{id}.severity = suggestion\n", Encoding.UTF8)));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0));
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(CodeCases))]
    public async Task Pragma_warning_disable_suppresses_a_code_diagnostic(string id, string source)
    {
        // The same code without the pragma: an error (the testing library drops suppressed diagnostics).
        GeneratorTest reported = CodeTest(source, editorConfig: null);
        reported.ExpectedDiagnostics.Add(new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0));
        await reported.RunAsync();

        await CodeTest($"#pragma warning disable {id}\n" + source, editorConfig: null).RunAsync();
    }

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task A_file_diagnostic_is_an_error_by_default(string id, string json, int line) =>
        await FileTest(id, json, line, globalConfig: null, DiagnosticSeverity.Error).RunAsync();

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Globalconfig_none_silences_a_file_diagnostic(string id, string json, int line) =>
        await FileTest(id, json, line, $"dotnet_diagnostic.{id}.severity = none", expected: null).RunAsync();

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Globalconfig_warning_makes_a_file_diagnostic_a_warning(string id, string json, int line) =>
        await FileTest(id, json, line, $"dotnet_diagnostic.{id}.severity = warning", DiagnosticSeverity.Warning).RunAsync();

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Globalconfig_error_makes_a_file_diagnostic_an_error(string id, string json, int line) =>
        await FileTest(id, json, line, $"dotnet_diagnostic.{id}.severity = error", DiagnosticSeverity.Error).RunAsync();

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task An_editorconfig_section_does_not_reach_a_file_diagnostic(string id, string json, int line)
    {
        GeneratorTest test = FileTest(id, json, line, globalConfig: null, DiagnosticSeverity.Error);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", SourceText.From($"root = true\n\n[*.capi.json]\ndotnet_diagnostic.{id}.severity = none\n\n[*]\ndotnet_diagnostic.{id}.severity = none\n", Encoding.UTF8)));
        await test.RunAsync();
    }

    private static string EditorConfig(string id, string severity) => $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = {severity}\n";

    private static GeneratorTest CodeTest(string source, string? editorConfig)
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics(Usings + source);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", SourceText.From(editorConfig, Encoding.UTF8)));
        }

        return test;
    }

    private static GeneratorTest FileTest(string id, string json, int line, string? globalConfig, DiagnosticSeverity? expected)
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/odd.capi.json", json));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From("is_global = true\n" + globalConfig + "\n", Encoding.UTF8)));
        }

        if (expected is { } severity)
        {
            int column = Column(id, json.Split('\n')[line - 1]);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(id, severity).WithSpan("/0/odd.capi.json", line, column, line, column));
        }

        return test;
    }

    // Where each case's problem is: the stray comma's successor, the misspelled property's value, the redefined event.
    private static int Column(string id, string text) => id switch
    {
        "CAPI100" => text.IndexOf('}', StringComparison.Ordinal) + 1,
        "CAPI101" => text.IndexOf("[\"value\"]", StringComparison.Ordinal) + 1,
        _ => text.IndexOf("{ \"name\"", StringComparison.Ordinal) + 1,
    };
}
