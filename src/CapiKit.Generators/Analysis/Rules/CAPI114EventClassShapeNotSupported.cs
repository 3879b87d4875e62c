using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>CAPI114: a <c>[ConversionEvent]</c> class is nested or generic, which the generator does not generate into.</summary>
internal static class CAPI114EventClassShapeNotSupported
{
    public const string Id = "CAPI114";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "[ConversionEvent] class shape is not supported",
        messageFormat: "'{0}' is {1}; declare a [ConversionEvent] class at namespace level, without type parameters",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated members are added as a partial declaration at namespace level; nested and generic classes would need their containing types and type parameters repeated.",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);

    /// <summary>Why CapiKit cannot generate into <paramref name="type"/> (<c>generic</c>, <c>nested in 'Outer'</c>), or null when it can.</summary>
    public static string? Why(INamedTypeSymbol type) =>
        type.IsGenericType ? "generic"
        : type.ContainingType is { } outer ? $"nested in '{outer.Name}'"
        : null;
}
