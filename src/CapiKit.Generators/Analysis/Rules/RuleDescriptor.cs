using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// How every rule's descriptors are made: the rule's ID, title and description, one message format per message,
/// and the help page <c>docs/diagnostics/{id}.md</c>. A rule reports each kind of finding through its own
/// descriptor, so the text lives in the rule, and the call site passes only the values.
/// </summary>
internal static class RuleDescriptor
{
    public const string HelpLinkBase = "https://github.com/capikit/capikit/blob/main/docs/diagnostics/";
    public const string Usage = "CapiKit.Usage";
    public const string Security = "CapiKit.Security";

    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");

    /// <summary>The messages of several rules, for an analyzer that reports them all.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Union(params ImmutableArray<DiagnosticDescriptor>[] rules) =>
        rules.SelectMany(rule => rule).ToImmutableArray();
}
