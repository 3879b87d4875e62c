using Microsoft.CodeAnalysis;

namespace CapiKit.Generators;

/// <summary>
/// The generator's diagnostics: problems in what it reads. The usage rules CAPI001 to CAPI014 live each in its own
/// file under <c>Analysis/Rules/</c>.
/// </summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/capikit/capikit/blob/main/docs/diagnostics/";
    private const string SchemaCategory = "CapiKit.Schema";
    private const string MappingCategory = "CapiKit.Mapping";

    public static readonly DiagnosticDescriptor MalformedSchemaFile = Error(
        DiagnosticIds.MalformedSchemaFile, SchemaCategory, "Schema file is not valid JSON", "{0}");

    public static readonly DiagnosticDescriptor InvalidSchemaFile = Error(
        DiagnosticIds.InvalidSchemaFile, SchemaCategory, "Schema file does not follow the CapiKit schema", "{0}");

    public static readonly DiagnosticDescriptor SchemaNameConflict = Error(
        DiagnosticIds.SchemaNameConflict, SchemaCategory, "Schema extension redefines a name", "{0}");

    public static readonly DiagnosticDescriptor EventClassNotPartial = Error(
        DiagnosticIds.EventClassNotPartial, MappingCategory, "[ConversionEvent] class must be partial",
        "'{0}' must be declared partial so CapiKit can generate ToServerEvent() into it");

    public static readonly DiagnosticDescriptor MemberTypeNotMappable = Error(
        DiagnosticIds.MemberTypeNotMappable, MappingCategory, "Member type cannot be mapped to the payload field",
        "'{0}' is {1}, but {2} takes {3}");

    public static readonly DiagnosticDescriptor FieldMappedTwice = Error(
        DiagnosticIds.FieldMappedTwice, MappingCategory, "Payload field mapped twice",
        "{0} is already mapped by '{1}'; a field takes one member");

    public static readonly DiagnosticDescriptor UnknownCustomDataKey = Error(
        DiagnosticIds.UnknownCustomDataKey, MappingCategory, "Unknown custom_data key",
        "custom_data key '{0}' is neither a standard key nor declared in a *.capi.json file");

    public static readonly DiagnosticDescriptor EventClassShapeNotSupported = Error(
        DiagnosticIds.EventClassShapeNotSupported, MappingCategory, "[ConversionEvent] class shape is not supported",
        "'{0}' {1}");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.EventClassNotPartial => EventClassNotPartial,
        DiagnosticIds.MemberTypeNotMappable => MemberTypeNotMappable,
        DiagnosticIds.FieldMappedTwice => FieldMappedTwice,
        DiagnosticIds.UnknownCustomDataKey => UnknownCustomDataKey,
        DiagnosticIds.EventClassShapeNotSupported => EventClassShapeNotSupported,
        _ => ForSchemaProblem(id),
    };

    public static DiagnosticDescriptor ForSchemaProblem(string id) => id switch
    {
        DiagnosticIds.MalformedSchemaFile => MalformedSchemaFile,
        DiagnosticIds.SchemaNameConflict => SchemaNameConflict,
        _ => InvalidSchemaFile,
    };

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, string? description = null) => new(
        id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
