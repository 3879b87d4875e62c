using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI112: two members of a <c>[ConversionEvent]</c> class (or its base classes) map the same payload field. The
/// first one found keeps the field; checked while <see cref="Generation.Events.EventClassParser"/> reads the members.
/// </summary>
internal static class CAPI112FieldMappedTwice
{
    public const string Id = "CAPI112";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Payload field mapped twice",
        messageFormat: "{0} is already mapped by '{1}'; a field takes one member",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A payload field takes one member; map several values with one collection member where the field is a list.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);
}
