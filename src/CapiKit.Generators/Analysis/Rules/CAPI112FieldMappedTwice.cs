using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI112: two members of a <c>[ConversionEvent]</c> class (or its base classes) map the same payload field. The
/// first one found keeps the field; checked while <see cref="Generation.Events.EventClassParser"/> reads the members.
/// </summary>
internal static class CAPI112FieldMappedTwice
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.FieldMappedTwice,
        title: "Payload field mapped twice",
        messageFormat: "{0} is already mapped by '{1}'; a field takes one member",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A payload field takes one member; map several values with one collection member where the field is a list.",
        helpLinkUri: Descriptors.HelpLinkBase + DiagnosticIds.FieldMappedTwice + ".md");
}
