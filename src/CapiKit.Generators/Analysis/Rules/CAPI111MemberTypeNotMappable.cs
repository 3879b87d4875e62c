using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI111: a mapped member's type does not fit its payload field, or the member cannot be read (static,
/// write-only). The check is the generator's own member reading (<see cref="Generation.Events.EventClassParser"/>),
/// so the analyzer reports exactly the members the generator leaves out.
/// </summary>
internal static class CAPI111MemberTypeNotMappable
{
    public const string Id = "CAPI111";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Member type cannot be mapped to the payload field",
        messageFormat: "'{0}' is {1}, but {2} takes {3}",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated mapping converts each member to its payload field's type; a member of another type, or one that cannot be read, is left out of ToServerEvent().",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);
}
