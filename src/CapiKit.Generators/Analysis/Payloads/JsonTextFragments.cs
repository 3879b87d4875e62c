using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// JSON written as text piece by piece: an interpolated string or a concatenation whose literal text ends with a key
/// just before a value it does not know (<c>$"\"em\":\"{mail}\""</c>, <c>"\"ph\":[\"" + phone + "\"]"</c>), as code
/// appending fragments to a <c>StringBuilder</c> or joining a list of them writes. Each such key and the C# value
/// after it is one entry, so the rules about values see what the text sends.
/// </summary>
internal static class JsonTextFragments
{
    /// <summary>A quoted key, a colon, then an opening quote or bracket: the text just before a value.</summary>
    private static readonly Regex KeyBeforeValue = new("\"(?<key>[a-z_]{2,40})\"\\s*:\\s*(\\[\\s*)?\"?$", RegexOptions.CultureInvariant);

    /// <summary>Whether a constant text writes the key <c>"user_data"</c> (then the method writes an event as text).</summary>
    public static bool MentionsUserData(string? text) => text is not null && text.IndexOf("\"user_data\"", System.StringComparison.Ordinal) >= 0;

    /// <summary>The keys the text writes just before a C# value, with the value; empty when it writes none.</summary>
    public static IEnumerable<(string Key, IOperation Value)> Entries(IOperation text)
    {
        List<IOperation> parts = new();
        Flatten(text, parts, depth: 0);
        for (int i = 1; i < parts.Count; i++)
        {
            if (parts[i - 1].ConstantValue is { HasValue: true, Value: string before } && parts[i].ConstantValue is not { HasValue: true }
                && KeyBeforeValue.Match(before) is { Success: true } match)
            {
                yield return (match.Groups["key"].Value, parts[i]);
            }
        }
    }

    /// <summary>
    /// Whether the operation is a piece of text built from parts: an interpolated string with a hole, or the top of a
    /// chain of string concatenations (its parent is not one too, so each chain is read once).
    /// </summary>
    public static bool IsComposedText(IOperation operation) => operation switch
    {
        IInterpolatedStringOperation interpolated => interpolated.ConstantValue is not { HasValue: true } && !(Parent(interpolated) is IBinaryOperation parent && IsStringConcatenation(parent)),
        IBinaryOperation binary => IsStringConcatenation(binary) && !(Parent(binary) is IBinaryOperation parent && IsStringConcatenation(parent)),
        _ => false,
    };

    private static IOperation? Parent(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private static bool IsStringConcatenation(IBinaryOperation binary) =>
        binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String && binary.ConstantValue is not { HasValue: true };

    /// <summary>The parts in order: constant text as one operation each, every other value as itself.</summary>
    private static void Flatten(IOperation operation, List<IOperation> parts, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated when interpolated.ConstantValue is not { HasValue: true }:
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(text.Text);
                            break;
                        case IInterpolationOperation hole:
                            parts.Add(hole.Expression);
                            break;
                        case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } append }:
                            // Passed to an interpolated string handler (StringBuilder.Append($"...")): AppendLiteral's
                            // argument is the text, AppendFormatted's first is the value.
                            parts.Add(append.Arguments[0].Value);
                            break;
                    }
                }

                break;
            case IBinaryOperation binary when IsStringConcatenation(binary):
                Flatten(binary.LeftOperand, parts, depth + 1);
                Flatten(binary.RightOperand, parts, depth + 1);
                break;
            case IConversionOperation { IsImplicit: true } conversion:
                Flatten(conversion.Operand, parts, depth + 1);
                break;
            default:
                parts.Add(operation);
                break;
        }
    }
}
