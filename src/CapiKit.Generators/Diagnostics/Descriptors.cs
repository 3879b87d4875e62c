using Microsoft.CodeAnalysis;

namespace CapiKit.Generators;

/// <summary>
/// The descriptor of a generator-era diagnostic by ID, for the equatable <see cref="DiagnosticInfo"/> values the
/// generator's cached steps carry. Every rule, its descriptor and its messages live in its own file under
/// <c>Analysis/Rules/</c>.
/// </summary>
internal static class Descriptors
{
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.EventClassNotPartial => Analysis.Rules.CAPI110EventClassNotPartial.Descriptor,
        DiagnosticIds.MemberTypeNotMappable => Analysis.Rules.CAPI111MemberTypeNotMappable.Descriptor,
        DiagnosticIds.FieldMappedTwice => Analysis.Rules.CAPI112FieldMappedTwice.Descriptor,
        DiagnosticIds.UnknownCustomDataKey => Analysis.Rules.CAPI113UnknownCustomDataKey.Descriptor,
        DiagnosticIds.EventClassShapeNotSupported => Analysis.Rules.CAPI114EventClassShapeNotSupported.Descriptor,
        _ => ForSchemaProblem(id),
    };

    public static DiagnosticDescriptor ForSchemaProblem(string id) => id switch
    {
        DiagnosticIds.MalformedSchemaFile => Analysis.Rules.CAPI100MalformedSchemaFile.Descriptor,
        DiagnosticIds.SchemaNameConflict => Analysis.Rules.CAPI102SchemaNameConflict.Descriptor,
        _ => Analysis.Rules.CAPI101InvalidSchemaFile.Descriptor,
    };
}
