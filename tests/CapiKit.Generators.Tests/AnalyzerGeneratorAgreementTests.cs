using System.Collections.Immutable;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The analyzer reports a CAPI110-CAPI114 exactly where the generator leaves something out: a class without
/// generated code has a class diagnostic, and a member the generated code does not read has a member diagnostic.
/// </summary>
public sealed class AnalyzerGeneratorAgreementTests
{
    private const string Source = """
        using CapiKit;
        using System;
        using System.Collections.Generic;
        namespace Shop;

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public class NotPartial { [UserData(UserDataField.Email)] public string? NotPartialEmail { get; init; } }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class Generic<T> { }

        public partial class Outer
        {
            [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
            public partial class Nested { }
        }

        public abstract class SharedBase
        {
            [UserData(UserDataField.ExternalId)] public string? SharedId { get; init; }
            [UserData(UserDataField.Phone)] public DateTime SharedBadPhone { get; init; }
        }

        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
        public partial class Order : SharedBase
        {
            [UserData(UserDataField.Email)] public string? GoodEmail { get; init; }
            [UserData(UserDataField.Email)] public string? TwiceEmail { get; init; }
            [UserData(UserDataField.FirstName)] public static string? StaticName { get; set; }
            [UserData(UserDataField.LastName)] public string WriteOnlyName { set { } }
            [CustomData(CustomDataField.Value)] public string? TextValue { get; init; }
            [CustomData(CustomDataField.Currency)] public string GoodCurrency { get; init; } = "USD";
            [CustomData("plan_id")] public string? DeclaredPlan { get; init; }
            [CustomData("loyalty_tier")] public string? UndeclaredTier { get; init; }
            [CustomData("plan_note")] public object? ObjectPlan { get; init; }
            [CustomData(CustomDataField.Contents)] public List<int>? WrongContents { get; init; }
            [EventTime] public DateTimeOffset GoodTime { get; init; }
        }

        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial record Signup([property: UserData(UserDataField.Email)] string RecordEmail, [property: EventTime] string RecordBadTime);
        """;

    private const string Plans = """{ "customDataFields": [ { "name": "plan_id", "type": "string", "required": "optional", "description": "Plan." } ] }""";

    [Fact]
    public async Task Every_left_out_class_and_member_has_its_diagnostic_and_nothing_else_does()
    {
        InMemoryAdditionalText plans = new("/src/plans.capi.json", Plans);
        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation("Shop", Source), plans);
        string[] generated = GeneratorHarness.Sources(driver).Where(s => s.HintName.StartsWith("Shop.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).ToArray();

        ImmutableArray<Diagnostic> diagnostics = await output
            .WithAnalyzers([new EventClassShapeAnalyzer()], new AnalyzerOptions([plans]))
            .GetAnalyzerDiagnosticsAsync();
        Dictionary<string, string[]> reported = diagnostics
            .GroupBy(d => Identifier(d))
            .ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToArray());

        string[] classes = ["NotPartial", "Generic", "Nested", "Order", "Signup"];
        foreach (string name in classes)
        {
            bool isGenerated = generated.Any(source => source.Contains($"partial class {name}", StringComparison.Ordinal) || source.Contains($"partial record {name}", StringComparison.Ordinal));
            Assert.True(isGenerated != reported.ContainsKey(name), $"{name}: generated {isGenerated}, reported {string.Join(",", reported.GetValueOrDefault(name) ?? [])}");
        }

        string[] members =
        [
            "NotPartialEmail", "SharedId", "SharedBadPhone", "GoodEmail", "TwiceEmail", "StaticName", "WriteOnlyName", "TextValue",
            "GoodCurrency", "DeclaredPlan", "UndeclaredTier", "ObjectPlan", "WrongContents", "GoodTime", "RecordEmail", "RecordBadTime",
        ];
        string order = generated.Single(source => source.Contains("partial class Order", StringComparison.Ordinal));
        string signup = generated.Single(source => source.Contains("partial record Signup", StringComparison.Ordinal));
        foreach (string member in members.Where(m => m != "NotPartialEmail"))
        {
            bool isRead = (order + signup).Contains("this." + member, StringComparison.Ordinal);
            Assert.True(isRead != reported.ContainsKey(member), $"{member}: read {isRead}, reported {string.Join(",", reported.GetValueOrDefault(member) ?? [])}");
        }

        // The members of a class that is not generated at all are not reported one by one.
        Assert.False(reported.ContainsKey("NotPartialEmail"));
        Assert.Equal(["CAPI111", "CAPI111", "CAPI111", "CAPI111", "CAPI111", "CAPI111", "CAPI111", "CAPI112", "CAPI113"], diagnostics.Where(d => d.Id != "CAPI110" && d.Id != "CAPI114").Select(d => d.Id).Order());
    }

    private static string Identifier(Diagnostic diagnostic)
    {
        SyntaxTree tree = diagnostic.Location.SourceTree!;
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
