using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI101: a <c>*.capi.json</c> file is JSON but not a CapiKit schema extension (an unknown property or type, a
/// name that is not snake_case, ...). Found by <see cref="Schema.SchemaReader"/>, reported by <see cref="ExtensionFileAnalyzer"/>.
/// </summary>
internal static class CAPI101InvalidSchemaFile
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.InvalidSchemaFile,
        title: "Schema file does not follow the CapiKit schema",
        messageFormat: "'{0}' does not follow the CapiKit schema: {1}",
        category: "CapiKit.Schema",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An entry of a *.capi.json file that does not follow capi.meta-schema.json is left out; the file's other entries are still generated.",
        helpLinkUri: Descriptors.HelpLinkBase + DiagnosticIds.InvalidSchemaFile + ".md");
}
