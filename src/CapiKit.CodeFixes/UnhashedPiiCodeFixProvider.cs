using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI001: wraps a raw value in <c>PiiNormalizer.NormalizeAndHash("key", value)</c> (adding <c>using CapiKit.Pii;</c>),
/// or turns <c>AddEmailHash(Sha256Hash.Parse(email))</c> into <c>AddEmail(email)</c>. Fix All fixes every occurrence.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnhashedPiiCodeFixProvider)), Shared]
public sealed class UnhashedPiiCodeFixProvider : CodeFixProvider
{
    private const string WrapKey = DiagnosticIds.UnhashedPii + ".Wrap";
    private const string RawMethodKey = DiagnosticIds.UnhashedPii + ".RawMethod";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnhashedPii);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix);
            diagnostic.Properties.TryGetValue(FixKinds.Key, out string? key);
            if (fix == FixKinds.WrapInNormalizeAndHash)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Normalize and hash '{key}' with CapiKit", ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), WrapKey),
                    diagnostic);
            }
            else if (fix == FixKinds.UseRawValueMethod && diagnostic.Properties.TryGetValue(FixKinds.Method, out string? method))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {method}, which normalizes and hashes '{key}'", ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), RawMethodKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        FixDocumentAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var replacements = diagnostics
            .Select(d => (Diagnostic: d, Node: SyntaxEdits.ExpressionAt(root, d.Location.SourceSpan)))
            .Where(p => p.Node is not null)
            .ToList();
        bool wrapped = false;
        string? region = PhoneRegion(document);
        CompilationUnitSyntax updated = root.ReplaceNodes(
            replacements.Select(p => p.Node!),
            (original, current) =>
            {
                Diagnostic diagnostic = replacements.First(p => p.Node == original).Diagnostic;
                diagnostic.Properties.TryGetValue(FixKinds.Key, out string? key);
                diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix);
                if (fix == FixKinds.WrapInNormalizeAndHash)
                {
                    wrapped = true;
                    return Wrap(key!, (ExpressionSyntax)current, key == PhoneKey ? region : null).WithAdditionalAnnotations(WrappedValue);
                }

                return diagnostic.Properties.TryGetValue(FixKinds.Method, out string? method) ? UseRawMethod((ExpressionSyntax)current, method!) : current;
            });
        if (!wrapped)
        {
            return document.WithSyntaxRoot(updated);
        }

        updated = await SyntaxEdits.WithUsingAsync(document, updated, "CapiKit.Pii", cancellationToken).ConfigureAwait(false);
        return await AdmitNullWhereTheSlotCannotSayItAsync(document.WithSyntaxRoot(updated), cancellationToken).ConfigureAwait(false);
    }

    private static readonly SyntaxAnnotation WrappedValue = new("CapiKit.WrappedValue");

    /// <summary>Nullable warnings that mean "a maybe-null value goes where the type says it cannot".</summary>
    private static readonly ImmutableHashSet<string> NullIntoNonNullable = ImmutableHashSet.Create("CS8600", "CS8601", "CS8603", "CS8604", "CS8620", "CS8625");

    /// <summary>
    /// <c>NormalizeAndHash</c> returns null for a value that cannot be used, and null is how a hand-built payload
    /// leaves a key out (CapiKit's pre-flight and Meta read a null key as absent). A slot typed non-nullable
    /// (<c>Dictionary&lt;string, string&gt;</c>, a <c>string</c> property, a parameter) cannot say so, and the
    /// wrapped call would raise a new nullable warning there (an error under TreatWarningsAsErrors). In exactly
    /// those places the fix writes <c>!</c>: the null is intended, and the warning would only be noise.
    /// </summary>
    private static async Task<Document> AdmitNullWhereTheSlotCannotSayItAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var warned = model.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => NullIntoNonNullable.Contains(d.Id))
            .Select(d => d.Location.SourceSpan)
            .ToList();
        var needsBang = root.GetAnnotatedNodes(WrappedValue)
            .OfType<ExpressionSyntax>()
            .Where(node => warned.Any(span => span.Contains(node.Span)))
            .ToList();
        if (needsBang.Count == 0)
        {
            return document;
        }

        SyntaxNode admitted = root.ReplaceNodes(
            needsBang,
            (_, current) => SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, ((ExpressionSyntax)current).WithoutTrivia()).WithTriviaFrom(current));
        return document.WithSyntaxRoot(admitted);
    }

    /// <summary>The user_data key the schema normalizes as a phone number, which needs a default region.</summary>
    private static readonly string? PhoneKey = PayloadFacts.Instance?.Schema.Object("user_data").Fields.FirstOrDefault(f => f.Normalization == "phone")?.Name;

    /// <summary>
    /// The project's <c>CapiKitPhoneRegion</c> (an ISO 3166-1 alpha-2 code), read from MSBuild through CapiKit's
    /// props: without a default region a national number ("(650) 555-1212") has no country code and is dropped.
    /// </summary>
    private static string? PhoneRegion(Document document) =>
        document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.CapiKitPhoneRegion", out string? region)
            && region.Trim() is { Length: 2 } code && code.All(char.IsLetter)
            ? code.ToUpperInvariant()
            : null;

    private static InvocationExpressionSyntax Wrap(string key, ExpressionSyntax value, string? region)
    {
        List<ArgumentSyntax> arguments =
        [
            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))),
            SyntaxFactory.Argument(value.WithoutTrivia()),
        ];
        if (region is not null)
        {
            arguments.Add(SyntaxFactory.Argument(SyntaxFactory.ParseExpression($"new NormalizationOptions {{ DefaultRegion = \"{region}\" }}")));
        }

        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("PiiNormalizer.NormalizeAndHash"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithTriviaFrom(value);
    }

    /// <summary><c>user.AddEmailHash(Sha256Hash.Parse(email))</c> to <c>user.AddEmail(email)</c>.</summary>
    private static ExpressionSyntax UseRawMethod(ExpressionSyntax node, string method)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: [{ Expression: InvocationExpressionSyntax hash }] } call
            || hash.ArgumentList.Arguments.Count != 1)
        {
            return node;
        }

        return call
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName(method)))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(hash.ArgumentList.Arguments[0])));
    }
}
