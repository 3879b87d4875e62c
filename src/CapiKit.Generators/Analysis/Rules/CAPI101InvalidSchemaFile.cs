using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI101: a <c>*.capi.json</c> file is JSON but not a CapiKit schema extension (an unknown property or type, a
/// name that is not snake_case, ...). Found by <see cref="Schema.SchemaReader"/>, reported by <see cref="ExtensionFileAnalyzer"/>.
/// </summary>
internal static class CAPI101InvalidSchemaFile
{
    public const string Id = "CAPI101";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Schema file does not follow the CapiKit schema",
        messageFormat: "'{0}' does not follow the CapiKit schema: {1}",
        category: "CapiKit.Schema",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An entry of a *.capi.json file that does not follow capi.meta-schema.json is left out; the file's other entries are still generated.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);
}
