using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>Small questions the rules ask about a value: its constant text, and whether something rewrote it.</summary>
internal static class ValueInspection
{
    public static string? ConstantString(IOperation? value) =>
        value is null ? null : HashedValueRecognizer.Unwrap(value).ConstantValue.Value as string;

    /// <summary>
    /// A constant string that is not empty. <c>= ""</c> is the placeholder that satisfies nullable warnings before the
    /// real id or code is set, and an empty test event code is none at all: neither is a constant worth reporting.
    /// </summary>
    public static bool IsNonEmptyConstant(IOperation? value) => ConstantString(value) is { Length: > 0 };

    /// <summary>
    /// The call that changes a value Meta wants verbatim: a case change, a trim, or a hash, anywhere in the
    /// expression (an interpolated <c>fbc</c> built from <c>fbclid.ToLower()</c> included). Null when there is none.
    /// </summary>
    public static IInvocationOperation? Modification(IOperation value)
    {
        foreach (IOperation operation in new[] { value }.Concat(value.Descendants()))
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            IMethodSymbol method = invocation.TargetMethod;
            bool changesText = method.ContainingType?.SpecialType == SpecialType.System_String
                && method.Name is "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "TrimStart" or "TrimEnd";
            bool hashes = method.ContainingNamespace?.ToDisplayString() is "System.Security.Cryptography" or "CapiKit.Pii"
                || HashedValueRecognizer.NamedLikeHash(method.Name);
            if (changesText || hashes)
            {
                return invocation;
            }
        }

        return null;
    }

    /// <summary>
    /// The member a write targets and the value written: <c>x.Member = value</c>, an object-initializer entry, or a
    /// property initializer. Nulls for any other operation.
    /// </summary>
    public static (ISymbol? Member, IOperation? Value) MemberWrite(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment => (property.Property, assignment.Value),
        ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment => (field.Field, assignment.Value),
        IPropertyInitializerOperation initializer => (initializer.InitializedProperties.FirstOrDefault(), initializer.Value),
        _ => (null, null),
    };

    /// <summary>How many items a sequence holds when that is known at compile time, or null.</summary>
    public static int? Count(IOperation value, int depth = 0)
    {
        if (depth > 8)
        {
            return null;
        }

        value = HashedValueRecognizer.Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation array:
                return array.Initializer is { } initializer
                    ? initializer.ElementValues.Length
                    : array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue.Value is int size ? size : null;
            case IInvocationOperation { TargetMethod: { ContainingType.Name: "Enumerable" } method } call:
                IOperation? source = call.Arguments.Length > 0 ? call.Arguments[0].Value : null;
                int? Constant(int index) => call.Arguments.Length > index && call.Arguments[index].Value.ConstantValue.Value is int n ? n : null;
                return method.Name switch
                {
                    "Range" => Constant(1),
                    "Repeat" => Constant(1),
                    "Take" when source is not null => Min(Count(source, depth + 1), Constant(1)),
                    "Select" or "ToArray" or "ToList" or "OrderBy" or "OrderByDescending" or "Reverse" or "Cast" or "AsEnumerable" when source is not null => Count(source, depth + 1),
                    _ => null,
                };
            default:
                return value.Kind.ToString() == "CollectionExpression" && value.ChildOperations.All(c => c.Kind.ToString() != "Spread")
                    ? value.ChildOperations.Count
                    : null;
        }
    }

    private static int? Min(int? a, int? b) => a is int x ? (b is int y ? Math.Min(x, y) : x) : b;
}
