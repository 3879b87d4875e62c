using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI002: adds the action source, one code action per value Meta accepts (website, app, ...). There is no Fix All:
/// the value chosen for one event says nothing about the others. When the code shows which value an event needs,
/// <see cref="InferredActionSourceCodeFixProvider"/> offers it, with Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingActionSourceCodeFixProvider)), Shared]
public sealed class MissingActionSourceCodeFixProvider : CodeFixProvider
{
    private const string KeyPrefix = DiagnosticIds.MissingActionSource + ".";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingActionSource);

    /// <summary>None: applying one chosen value to every event would silently mislabel all the others.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (PayloadFacts.Instance is not { } facts)
        {
            return Task.CompletedTask;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (ActionSourceEdits.FixOf(diagnostic) is not { } fix)
            {
                continue;
            }

            foreach (string value in facts.ActionSources)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        ActionSourceEdits.Title(fix, value),
                        ct => ActionSourceEdits.FixDocumentAsync(context.Document, new[] { (diagnostic, value) }, ct),
                        KeyPrefix + value),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
