using System.Collections.Immutable;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI100 to CAPI102 in users' <c>*.capi.json</c> files, as the generator's reader finds them. Reported from an
/// analyzer so the compiler applies configured severities: a location in an additional file belongs to no syntax
/// tree, so Roslyn reads its severity from <c>.globalconfig</c> (<c>is_global = true</c>), <c>NoWarn</c> and
/// <c>WarningsAsErrors</c>, not from <c>.editorconfig</c> sections; <c>#pragma</c> does not reach JSON.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExtensionFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CAPI100MalformedSchemaFile.Descriptor, CAPI101InvalidSchemaFile.Descriptor, CAPI102SchemaNameConflict.Descriptor);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(static file =>
        {
            // Without the built-in schema nothing can be checked; the generator reports that packaging bug.
            if (!ExtensionFiles.IsExtensionFile(file.AdditionalFile.Path) || BuiltInSchema.Value.Model is not { } schema)
            {
                return;
            }

            foreach (SchemaProblem problem in ExtensionFiles.Read(file.AdditionalFile, schema, file.CancellationToken).Problems)
            {
                file.ReportDiagnostic(SchemaDiagnostics.Create(problem, file.AdditionalFile.GetText(file.CancellationToken)));
            }
        });
    }
}
