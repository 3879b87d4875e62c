using System.Text;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Tests;

/// <summary>
/// Each CAPI1nn diagnostic, reported where it belongs by its analyzer (the generator only skips what it cannot
/// generate, and a duplicate from it would fail these tests), and silent on correct input.
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    private const string Usings = "using CapiKit;\nusing System;\nusing System.Collections.Generic;\n";

    internal const string CallbackSource = Usings + """
            namespace Shop;
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.PhoneCall)]
            public partial class CallbackRequested
            {
                [UserData(UserDataField.Phone)] public string? Phone { get; init; }
                [UserData(UserDataField.LeadId)] public long? LeadId { get; init; }
                [CustomData("campaign_code")] public string? Campaign { get; init; }
                [EventTime] public DateTimeOffset At { get; init; }
                [OptOut] public bool OptOut { get; init; }
            }
            """;

    internal const string CampaignsExtension = """{ "customDataFields": [ { "name": "campaign_code", "type": "string", "required": "optional", "description": "Campaign." } ] }""";

    [Fact]
    public async Task A_correct_class_and_extension_file_give_no_diagnostic_and_the_expected_source()
    {
        GeneratorTest test = new() { TestCode = CallbackSource };
        test.TestState.AdditionalFiles.Add(("/0/campaigns.capi.json", SourceText.From(CampaignsExtension, Encoding.UTF8)));
        test.TestState.GeneratedSources.Add((typeof(EventGenerator), "Shop.CallbackRequested.g.cs", Baseline("Shop.CallbackRequested.g.cs")));
        test.TestState.GeneratedSources.Add((typeof(EventGenerator), "CapiKit.Extensions.Campaigns.g.cs", Baseline("CapiKit.Extensions.Campaigns.g.cs")));
        await test.RunAsync();
    }

    [Fact]
    public async Task CAPI110_a_class_that_is_not_partial() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public class {|CAPI110:Lead|} { }
            """).RunAsync();

    [Fact]
    public async Task CAPI111_a_member_of_the_wrong_type() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
            public partial class Order
            {
                [UserData(UserDataField.Email)] public int {|CAPI111:Email|} { get; init; }
                [CustomData(CustomDataField.Value)] public string {|CAPI111:Total|} { get; init; } = "";
                [EventTime] public string {|CAPI111:When|} { get; init; } = "";
                [CustomData(CustomDataField.DeliveryCategory)] public MessagingChannel {|CAPI111:Delivery|} { get; init; }
                [AppData] public OriginalEventData? {|CAPI111:App|} { get; init; }
            }
            """).RunAsync();

    [Fact]
    public async Task CAPI112_a_field_mapped_twice() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
            public partial class Order
            {
                [UserData(UserDataField.Email)] public string? Email { get; init; }
                [UserData(UserDataField.Email)] public string? {|CAPI112:BackupEmail|} { get; init; }
            }
            """).RunAsync();

    [Fact]
    public async Task CAPI113_an_undeclared_custom_data_key() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
            public partial class Order
            {
                [CustomData("loyalty_tier")] public string? {|CAPI113:Tier|} { get; init; }
            }
            """).RunAsync();

    [Fact]
    public async Task CAPI114_a_nested_or_generic_class() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            public partial class Outer
            {
                [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
                public partial class {|CAPI114:Inner|} { }
            }
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class {|CAPI114:Generic|}<T> { }
            """).RunAsync();

    [Fact]
    public async Task CAPI111_a_bad_member_of_a_base_class_is_reported_once_for_all_its_event_classes() =>
        await GeneratorTest.ForDiagnostics(Usings + """
            public abstract class Shared { [UserData(UserDataField.Email)] public int {|CAPI111:Email|} { get; init; } }
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class Lead : Shared { }
            [ConversionEvent(StandardEvent.Contact, ActionSource = ActionSource.Website)]
            public partial class Contact : Shared { }
            """).RunAsync();

    [Fact]
    public void The_generator_itself_reports_none_of_them_and_generates_what_it_can()
    {
        var compilation = GeneratorHarness.Compilation("Shop", Usings + """
            namespace Shop;
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public class NotPartial { }
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
            public partial class Order
            {
                [UserData(UserDataField.Email)] public int Email { get; init; }
                [UserData(UserDataField.Phone)] public string? Phone { get; init; }
                [UserData(UserDataField.Phone)] public string? Backup { get; init; }
                [CustomData("loyalty_tier")] public string? Tier { get; init; }
            }
            """);
        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation, new InMemoryAdditionalText("/src/bad.capi.json", "{ oops"));

        Assert.Empty(diagnostics);
        Assert.Equal(["Shop.Order.g.cs"], GeneratorHarness.Sources(driver).Select(s => s.HintName).Where(h => h.StartsWith("Shop.", StringComparison.Ordinal)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task CAPI100_an_extension_file_that_is_not_JSON_at_its_line()
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/broken.capi.json", "{\n  \"customEvents\": [\n    { \"name\": \"X\", }\n    oops\n  ]\n}"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI100").WithSpan("/0/broken.capi.json", 3, 20, 3, 20));
        await test.RunAsync();
    }

    [Fact]
    public async Task CAPI100_a_lone_surrogate_escape_is_reported_at_the_string_instead_of_crashing_the_generator()
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/odd.capi.json", "{\n  \"customEvents\": [ { \"name\": \"X\\ud800\", \"description\": \"d\" } ]\n}"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI100").WithSpan("/0/odd.capi.json", 2, 31, 2, 31));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("{\n  // a comment\n  \"customEvents\": []\n}", 2, 3)]
    [InlineData("{\n  \"customEvents\": [],\n}", 3, 1)]
    public async Task CAPI100_comments_and_trailing_commas_are_not_JSON(string json, int line, int column)
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/lenient.capi.json", json));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI100").WithSpan("/0/lenient.capi.json", line, column, line, column));
        await test.RunAsync();
    }

    [Fact]
    public async Task CAPI101_an_extension_file_of_the_wrong_shape_at_its_line()
    {
        const string json = """
            {
              "customDataFields": [
                { "name": "plan", "type": "string", "required": "optional", "description": "Fine." },
                { "name": "PlanTier", "type": "text", "required": "optional", "description": "Bad name and type." }
              ]
            }
            """;
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/plans.capi.json", json));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI101").WithSpan("/0/plans.capi.json", 4, 5, 4, 5).WithArguments("plans.capi.json", "key 'PlanTier' must be snake_case: lower-case letters, digits and underscores, starting with a letter"));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI101").WithSpan("/0/plans.capi.json", 4, 35, 4, 35).WithArguments("plans.capi.json", "key 'PlanTier' has the unknown type 'text'; use one of string, integer, int64, number, boolean, url, unix_seconds, currency, enum, object, array, extinfo"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CAPI102_an_extension_that_redefines_a_standard_name()
    {
        const string json = """
            {
              "customEvents": [ { "name": "Purchase", "description": "Ours." } ],
              "customDataFields": [ { "name": "value", "type": "number", "required": "optional", "description": "Ours." } ]
            }
            """;
        GeneratorTest test = GeneratorTest.ForDiagnostics("class C { }", ("/0/mine.capi.json", json));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI102").WithSpan("/0/mine.capi.json", 2, 21, 2, 21));
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CAPI102").WithSpan("/0/mine.capi.json", 3, 25, 3, 25));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_class_without_action_source_still_compiles()
    {
        GeneratorTest test = GeneratorTest.ForDiagnostics(Usings + """
            [ConversionEvent(StandardEvent.Lead)]
            public partial class Lead { [UserData(UserDataField.Email)] public string? Email { get; init; } }
            """);
        await test.RunAsync();
    }

    private static SourceText Baseline(string hintName) =>
        SourceText.From(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Baselines", "UserClasses", hintName + ".txt")), Encoding.UTF8);
}
