using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI100: a <c>*.capi.json</c> file is not JSON. Found by <see cref="Schema.SchemaReader"/>, reported by
/// <see cref="ExtensionFileAnalyzer"/> so that <c>.globalconfig</c> severities apply. Also the diagnostic of the
/// built-in schema failing to load (a packaging bug), which only the generator reports.
/// </summary>
internal static class CAPI100MalformedSchemaFile
{
    public const string Id = "CAPI100";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Schema file is not valid JSON",
        messageFormat: "'{0}' is not valid JSON: {1}",
        category: "CapiKit.Schema",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A *.capi.json file is read as strict JSON (RFC 8259): comments, trailing commas and unpaired surrogate escapes are errors. Until it parses, none of its custom events or keys exist.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);
}
