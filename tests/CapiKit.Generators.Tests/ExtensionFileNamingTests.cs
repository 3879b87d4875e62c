using System.Text;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Tests;

/// <summary>Extension files are named by their path below the project, so files of one name in two folders coexist.</summary>
public sealed class ExtensionFileNamingTests
{
    private const string Plans = """{ "customDataFields": [ { "name": "plan_id", "type": "string", "required": "optional", "description": "Plan." } ] }""";

    [Fact]
    public async Task Two_files_of_the_same_name_in_different_folders_give_different_classes()
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("""
            static class Use
            {
                static CapiKit.CustomData Both() => CapiKit.Extensions.BillingPlansCustomData.SetPlanId(
                    CapiKit.Extensions.TrialsPlansCustomData.SetPlanId(new CapiKit.CustomData(), "t"), "b");
            }
            """,
            ("/0/billing/plans.capi.json", Plans),
            ("/0/trials/plans.capi.json", Plans));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From("is_global = true\nbuild_property.ProjectDir = /0/\n", Encoding.UTF8)));
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""{ "customEvents": [ { "name": "default", "description": "d" }, { "name": "string", "description": "d", "requiredCustomData": ["class"] } ], "customDataFields": [ { "name": "class", "type": "string", "required": "optional", "description": "d" } ] }""")]
    public async Task Keywords_as_names_compile(string json)
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("""
            static class Use { static CapiKit.EventDefinition Both() => CapiKit.Extensions.OddEvents.@string("x"); }
            """, ("/0/odd.capi.json", json));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""{ "customEvents": [ { "name": "Renewed", "description": "d" }, { "name": "Renewed", "description": "d" } ] }""", "CAPI102")]
    [InlineData("""{ "customEvents": [ { "name": "Renewed", "description": "d", "requiredCustomDta": ["value"] } ] }""", "CAPI101")]
    [InlineData("""{ "customDataFields": [ { "name": "keys", "type": "string", "required": "optional", "description": "d" } ] }""", "CAPI101")]
    [InlineData("""{ "customEvents": [ { "name": "Renewed", "description": "d", "requiredCustomData": ["value", "value"] } ] }""", "CAPI101")]
    public async Task Duplicates_unknown_properties_and_reserved_names_are_diagnostics(string json, string id)
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/odd.capi.json", json));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError(id).WithSpan("/0/odd.capi.json", 1, Column(json, id), 1, Column(json, id)));
        await test.RunAsync();
    }

    // Where each case's problem is reported: the second event, the misspelled property's value, the field, the event.
    private static int Column(string json, string id) => id == "CAPI102"
        ? json.LastIndexOf("{ \"name\"", StringComparison.Ordinal) + 1
        : json.Contains("requiredCustomDta", StringComparison.Ordinal) ? json.IndexOf("[\"value\"]", StringComparison.Ordinal) + 1
        : json.IndexOf("{ \"name\"", StringComparison.Ordinal) + 1;

    [Fact]
    public async Task A_bad_entry_is_reported_and_the_good_ones_still_generate()
    {
        const string json = """
            { "customDataFields": [
                { "name": "plan_id", "type": "string", "required": "optional", "description": "Good." },
                { "name": "Tier", "type": "text", "required": "optional", "description": "Bad name and type." }
              ],
              "customEvents": [ { "name": "Renewed", "description": "Good.", "requiredCustomData": ["plan_id"] },
                                { "name": "Upgraded", "description": "Needs the bad key.", "requiredCustomData": ["tier"] } ] }
            """;
        GeneratorTest test = GeneratorTest.ForDiagnostics("""
            static class Use { static CapiKit.EventDefinition Renewal() => CapiKit.Extensions.MixedEvents.Renewed("gold"); }
            """, ("/0/mixed.capi.json", json));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI101").WithSpan("/0/mixed.capi.json", 3, 5, 3, 5).WithArguments("mixed.capi.json", "key 'Tier' must be snake_case: lower-case letters, digits and underscores, starting with a letter"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI101").WithSpan("/0/mixed.capi.json", 3, 31, 3, 31).WithArguments("mixed.capi.json", "key 'Tier' has the unknown type 'text'; use one of string, integer, int64, number, boolean, url, unix_seconds, currency, enum, object, array, extinfo"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI101").WithSpan("/0/mixed.capi.json", 6, 21, 6, 21).WithArguments("mixed.capi.json", "custom event 'Upgraded' requires custom_data key 'tier', which is neither standard nor declared in customDataFields"));
        await test.RunAsync();
    }
}
