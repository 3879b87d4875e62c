using System.Reflection;
using System.Text.RegularExpressions;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The schema's rule table and the rule files say the same thing, field by field, and every rule the schema points
/// to exists and has the messages it is pointed at for (ARCHITECTURE.md, invariant 9).
/// </summary>
public sealed partial class RuleTableTests
{
    private static SchemaModel Schema => BuiltInSchema.Value.Model ?? throw new InvalidOperationException("the built-in schema did not load");

    public static TheoryData<string> RuleIds()
    {
        TheoryData<string> ids = new();
        foreach (RuleSpec rule in Schema.Rules)
        {
            ids.Add(rule.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_file_matches_its_row_of_the_schema(string id)
    {
        RuleSpec rule = Schema.Rule(id);
        Type type = RuleType(rule);
        Assert.Equal(id, type.GetField("Id")!.GetRawConstantValue());

        Dictionary<string, DiagnosticDescriptor> descriptors = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!);
        Assert.Equal(
            rule.Messages.Select(m => Pascal(m.Name)).Order(StringComparer.Ordinal),
            descriptors.Keys.Order(StringComparer.Ordinal));
        foreach (RuleMessageSpec message in rule.Messages)
        {
            DiagnosticDescriptor descriptor = descriptors[Pascal(message.Name)];
            Assert.Equal(id, descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Description, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.Severity, descriptor.DefaultSeverity.ToString().ToLowerInvariant());
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal(RuleDescriptor.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.Equal(RuleBookEmitter.Positional(message.Text).Format, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(descriptors.Values.OrderBy(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
            ((System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor>)type.GetProperty("All")!.GetValue(null)!).OrderBy(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_file_has_a_row_in_the_schema()
    {
        string[] files = typeof(RuleDescriptor).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleDescriptor).Namespace && RuleFileName().IsMatch(t.Name))
            .Select(t => t.Name)
            .ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, name => Assert.Contains(Schema.Rules, rule => rule.Id + rule.Name == name));
    }

    [Fact]
    public void Every_rule_the_schema_points_to_exists_and_has_the_messages_it_is_pointed_at_for()
    {
        foreach (ActionSourceSpec source in Schema.ActionSources)
        {
            if (source.Requires.Any(r => r.Object is "server_event" or "user_data"))
            {
                Assert.True(source.RequiresRule is not null, $"actionSources[{source.Value}] requires fields but names no requiresRule");
            }

            if (source.RequiresRule is { } requires)
            {
                RuleSpec rule = Schema.Rule(requires);
                Assert.Contains(rule.Messages, m => m.Name == "missingFields");
                Assert.Contains(rule.Messages, m => m.Name == "eventClassMapsNoField");
                Assert.Contains(rule.Preflight, m => m.Name == "requires");
                Assert.NotNull(RuleRegistry.MissingFields(requires));
                Assert.NotNull(RuleRegistry.EventClassMissingFields(requires));
            }

            Assert.True(source.Forbids.Count == 0 || source.ForbidsRule is not null, $"actionSources[{source.Value}] forbids fields but names no forbidsRule");
            if (source.ForbidsRule is { } forbids)
            {
                RuleSpec rule = Schema.Rule(forbids);
                Assert.Contains(rule.Messages, m => m.Name == "forbidden");
                Assert.Contains(rule.Preflight, m => m.Name == "forbidden");
                Assert.NotNull(RuleRegistry.Forbidden(forbids));
                Assert.NotNull(RuleRegistry.EventClassForbidden(forbids));
            }
        }

        foreach (EventSpec standard in Schema.StandardEvents.Where(e => e.RequiredCustomData.Count > 0))
        {
            Assert.True(standard.RequiredCustomDataRule is not null, $"standardEvents[{standard.Name}] requires custom_data but names no rule");
            Assert.Contains(Schema.Rule(standard.RequiredCustomDataRule!).Preflight, m => m.Name == "requires");
        }

        foreach (ErrorSpec error in Schema.Errors.Where(e => e.Diagnostic is not null))
        {
            RuleSpec rule = Schema.Rule(error.Diagnostic!);
            Assert.Contains(rule.Prevents, p => p.Code == error.Code && p.Subcode == error.Subcode);
        }

        foreach (RuleSpec rule in Schema.Rules)
        {
            Assert.All(rule.Prevents, p => Assert.True(Schema.Error(p.Code, p.Subcode) is not null, $"{rule.Id} prevents {p.Code}/{p.Subcode}, which errors[] does not list"));
            Assert.All(rule.Preflight.Where(m => m.Subcode is not null), m => Assert.Contains(rule.Prevents, p => p.Subcode == m.Subcode));
            Assert.All(rule.Prevents.Where(p => p.Subcode is not null), p => Assert.Equal(rule.Id, Schema.Error(p.Code, p.Subcode)!.Diagnostic));
        }
    }

    [Fact]
    public void Rule_ids_are_unique_and_the_registry_reports_every_rule()
    {
        Assert.Equal(Schema.Rules.Count, Schema.Rules.Select(r => r.Id).Distinct().Count());
        Assert.Equal(
            Schema.Rules.Where(r => r.Id.StartsWith("CAPI0", StringComparison.Ordinal)).Select(r => r.Id).Order(StringComparer.Ordinal),
            RuleRegistry.All.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    private static Type RuleType(RuleSpec rule) =>
        typeof(RuleDescriptor).Assembly.GetType($"{typeof(RuleDescriptor).Namespace}.{rule.Id}{rule.Name}")
        ?? throw new Xunit.Sdk.XunitException($"{rule.Id} has no rule file Analysis/Rules/{rule.Id}{rule.Name}.cs");

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    [GeneratedRegex("^CAPI[0-9]{3}[A-Z]")]
    private static partial Regex RuleFileName();
}
