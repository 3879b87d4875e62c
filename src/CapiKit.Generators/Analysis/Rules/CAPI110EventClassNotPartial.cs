using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI110: a <c>[ConversionEvent]</c> class is not partial, so generated members cannot be added to it. Reported
/// on each declaration of the class that lacks <c>partial</c>; CapiKit.CodeFixes adds it.
/// </summary>
internal static class CAPI110EventClassNotPartial
{
    public const string Id = "CAPI110";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "[ConversionEvent] class must be partial",
        messageFormat: "'{0}' must be declared partial so CapiKit can generate ToServerEvent() into it",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "CapiKit generates ToServerEvent() and WriteTo() into every [ConversionEvent] class; C# lets generated code add members only to a partial class.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);

    /// <summary>The declarations of <paramref name="type"/> written without <c>partial</c>; none for a partial class.</summary>
    public static List<TypeDeclarationSyntax> DeclarationsWithoutPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        List<TypeDeclarationSyntax> missing = new();
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                missing.Add(declaration);
            }
        }

        return missing;
    }
}
