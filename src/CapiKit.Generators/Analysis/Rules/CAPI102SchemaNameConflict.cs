using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI102: a <c>*.capi.json</c> file redefines a standard event or custom_data key, or defines one twice. Found by
/// <see cref="Schema.SchemaReader"/>, reported by <see cref="ExtensionFileAnalyzer"/>.
/// </summary>
internal static class CAPI102SchemaNameConflict
{
    public const string Id = "CAPI102";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Schema extension redefines a name",
        messageFormat: "'{0}' redefines a name: {1}",
        category: "CapiKit.Schema",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A custom event or custom_data key must not take the name of a standard one or of another entry; the redefinition is left out.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);
}
