using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Generation.Events;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI110 to CAPI114: what keeps a <c>[ConversionEvent]</c> class, or one of its members, out of the generated
/// code. The class is read by the generator's own parser, so this reports exactly what the generator skips.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventClassShapeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CAPI110EventClassNotPartial.Descriptor, CAPI111MemberTypeNotMappable.Descriptor, CAPI112FieldMappedTwice.Descriptor,
        CAPI113UnknownCustomDataKey.Descriptor, CAPI114EventClassShapeNotSupported.Descriptor);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(EventClassParser.AttributeName);
            if (attributeType is null || BuiltInSchema.Value.Model is not { } schema)
            {
                return;
            }

            // The keys of the project's extension files, read only if a class maps a key that is not standard.
            ImmutableArray<AdditionalText> files = start.Options.AdditionalFiles;
            CancellationToken compilationToken = start.CancellationToken;
            Lazy<HashSet<string>> declaredKeys = new(() => DeclaredKeys(files, schema, compilationToken), LazyThreadSafetyMode.PublicationOnly);
            Func<string, bool> isKnown = key => CAPI113UnknownCustomDataKey.IsKnown(key, schema, declaredKeys.Value);

            // A member inherited by several event classes is reported once, at the member.
            ConcurrentDictionary<(string Id, Location Location), byte> reported = new();
            start.RegisterSymbolAction(symbol =>
            {
                INamedTypeSymbol type = (INamedTypeSymbol)symbol.Symbol;
                if (type.TypeKind != TypeKind.Class
                    || type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)) is not { } attribute)
                {
                    return;
                }

                EventClassParser.Parse(type, attribute, schema, Report, isKnown, symbol.CancellationToken);

                void Report(Diagnostic diagnostic)
                {
                    if (reported.TryAdd((diagnostic.Id, diagnostic.Location), 0))
                    {
                        symbol.ReportDiagnostic(diagnostic);
                    }
                }
            }, SymbolKind.NamedType);
        });
    }

    private static HashSet<string> DeclaredKeys(ImmutableArray<AdditionalText> files, SchemaModel schema, CancellationToken cancellationToken)
    {
        HashSet<string> keys = new(StringComparer.Ordinal);
        foreach (AdditionalText file in files.Where(f => ExtensionFiles.IsExtensionFile(f.Path)))
        {
            if (ExtensionFiles.Read(file, schema, cancellationToken).Extension is { } extension)
            {
                keys.UnionWith(extension.CustomDataFields.Select(field => field.Name));
            }
        }

        return keys;
    }
}
