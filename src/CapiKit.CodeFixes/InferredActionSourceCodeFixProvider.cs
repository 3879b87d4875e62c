using System.Collections.Generic;
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
/// CAPI002, when the code shows the action source an event needs (see <see cref="ActionSourceInference"/>): one
/// action that adds it. Fix All adds to each event the value inferred for that event and leaves the events with
/// none inferred for a per-value choice (<see cref="MissingActionSourceCodeFixProvider"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InferredActionSourceCodeFixProvider)), Shared]
[ExtensionOrder(Before = nameof(MissingActionSourceCodeFixProvider))]
public sealed class InferredActionSourceCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the inferred action, whatever value it adds.</summary>
    public const string EquivalenceKey = DiagnosticIds.MissingActionSource + ".inferred";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingActionSource);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (PayloadFacts.Instance is not { } facts)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (ActionSourceEdits.FixOf(diagnostic) is { } fix
                && await ActionSourceInference.InferAsync(context.Document, diagnostic, facts, context.CancellationToken).ConfigureAwait(false) is var (value, reason))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"{ActionSourceEdits.Title(fix, value)} ({reason})",
                        ct => ActionSourceEdits.FixDocumentAsync(context.Document, new[] { (diagnostic, value) }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (PayloadFacts.Instance is not { } facts || context.CodeActionEquivalenceKey != EquivalenceKey)
        {
            return null;
        }

        List<(Diagnostic, string)> fixes = new();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (await ActionSourceInference.InferAsync(document, diagnostic, facts, context.CancellationToken).ConfigureAwait(false) is var (value, _))
            {
                fixes.Add((diagnostic, value));
            }
        }

        return fixes.Count == 0 ? null : await ActionSourceEdits.FixDocumentAsync(document, fixes, context.CancellationToken).ConfigureAwait(false);
    }
}
