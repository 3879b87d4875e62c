using System.Collections;
using System.Reflection;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The generator's steps cache: an unrelated edit re-runs nothing, an edit in one event class regenerates only
/// that class, and no cached model holds a symbol, syntax node, location or compilation.
/// </summary>
public sealed class IncrementalTests
{
    private const string Checkout = """
        using CapiKit;
        namespace Shop;
        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
        public partial class Checkout
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
            [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "USD";
            [EventSourceUrl] public string Url { get; init; } = "https://shop.example/";
        }
        """;

    private const string Signup = """
        using CapiKit;
        namespace Shop;
        [ConversionEvent(StandardEvent.CompleteRegistration, ActionSource = ActionSource.Website)]
        public partial class Signup
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [CustomData("plan_id")] public string? Plan { get; init; }
        }
        """;

    private const string Extension = """
        { "customDataFields": [ { "name": "plan_id", "type": "string", "required": "optional", "description": "Plan." } ] }
        """;

    private static readonly string[] TrackedSteps =
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("Shop", Checkout, Signup, "namespace Shop; public class Cart { }");
        GeneratorDriver driver = GeneratorHarness.Driver(new InMemoryAdditionalText("/src/plans.capi.json", Extension)).RunGenerators(compilation);

        SyntaxTree cart = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(cart, cart.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Shop; public class Cart { public int Count; }")));
        driver = driver.RunGenerators(edited);

        GeneratorDriverRunResult run = driver.GetRunResult();
        foreach (GeneratorRunResult result in run.Results)
        {
            foreach (string step in TrackedSteps.Where(result.TrackedSteps.ContainsKey))
            {
                Assert.All(
                    result.TrackedSteps[step].SelectMany(s => s.Outputs),
                    output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
            }

            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }

    [Fact]
    public void An_edit_inside_one_event_class_regenerates_only_that_class()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("Shop", Checkout, Signup);
        GeneratorDriver driver = GeneratorHarness.Driver(new InMemoryAdditionalText("/src/plans.capi.json", Extension)).RunGenerators(compilation);

        SyntaxTree checkout = compilation.SyntaxTrees.First();
        string changed = Checkout.Replace("[EventSourceUrl] public string Url", "[EventId] public string? Id { get; init; }\n    [EventSourceUrl] public string Url", StringComparison.Ordinal);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(checkout, checkout.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(changed))));

        GeneratorRunResult events = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(EventGenerator));
        var outputs = events.TrackedSteps[TrackingNames.EventClassOutputs].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(2, outputs.Length);
        Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        var modified = (Generation.Events.EventClassSpec)outputs.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Equal("Checkout", modified.TypeName);
    }

    [Fact]
    public void No_cached_model_holds_a_symbol_syntax_node_location_or_compilation()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("Shop", Checkout, Signup);
        GeneratorDriver driver = GeneratorHarness.Driver(new InMemoryAdditionalText("/src/plans.capi.json", Extension)).RunGenerators(compilation);

        foreach (GeneratorRunResult result in driver.GetRunResult().Results)
        {
            foreach ((string step, var runs) in result.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)))
            {
                foreach (var output in runs.SelectMany(r => r.Outputs))
                {
                    AssertNoCompilerObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertNoCompilerObjects(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree, $"Step {step} caches a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                AssertNoCompilerObjects(item, step, visited);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), step, visited);
        }
    }
}
