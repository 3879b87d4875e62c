using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Decides whether a value reaching a hashed key is already a SHA-256 hex digest: CapiKit's hash, a digest computed
/// with System.Security.Cryptography in the same method, a 64-hex-digit literal, or a value whose name says it is a
/// hash. Anything else is raw, because that is what an unrecognized string usually is.
/// </summary>
internal sealed class HashedValueRecognizer
{
    private readonly IReadOnlyDictionary<ISymbol, List<IOperation>> _localValues;

    public HashedValueRecognizer(IReadOnlyDictionary<ISymbol, List<IOperation>> localValues) => _localValues = localValues;

    /// <summary>What a value is.</summary>
    public enum Verdict
    {
        Absent,
        Hashed,
        Raw,
    }

    public Verdict Classify(IOperation value) => Classify(value, depth: 0);

    /// <summary>A 64-digit hex literal, of either case.</summary>
    /// <summary>
    /// 64 lower-case hex digits: Meta wants SHA-256 digests in lower-case hex, and the run-time pre-flight rejects
    /// upper-case ones, so the analyzers do too (one verdict, ARCHITECTURE.md invariant 9).
    /// </summary>
    public static bool IsHexDigest(string text) =>
        text.Length == 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private Verdict Classify(IOperation value, int depth)
    {
        if (depth > 8)
        {
            return Verdict.Hashed; // Too deep to tell: stay quiet rather than guess.
        }

        value = Unwrap(value);
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value switch
            {
                null => Verdict.Absent,
                string text => IsHexDigest(text) ? Verdict.Hashed : Verdict.Raw,
                _ => Verdict.Raw,
            };
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, depth);
            case ILocalReferenceOperation local when _localValues.TryGetValue(local.Local, out List<IOperation>? assigned):
                Verdict[] verdicts = assigned.Select(a => Classify(a, depth + 1)).Where(v => v != Verdict.Absent).ToArray();
                return verdicts.Length > 0 && verdicts.All(v => v == Verdict.Hashed) ? Verdict.Hashed : verdicts.Length == 0 ? Verdict.Absent : Verdict.Raw;
            case IMemberReferenceOperation member:
                return NamedLikeHash(member.Member.Name) ? Verdict.Hashed : Verdict.Raw;
            case IParameterReferenceOperation parameter:
                return NamedLikeHash(parameter.Parameter.Name) ? Verdict.Hashed : Verdict.Raw;
            case ILocalReferenceOperation local:
                return NamedLikeHash(local.Local.Name) ? Verdict.Hashed : Verdict.Raw;
            case IConditionalOperation conditional:
                return Combine(Classify(conditional.WhenTrue, depth + 1), conditional.WhenFalse is null ? Verdict.Absent : Classify(conditional.WhenFalse, depth + 1));
            case ICoalesceOperation coalesce:
                return Combine(Classify(coalesce.Value, depth + 1), Classify(coalesce.WhenNull, depth + 1));
            case IDefaultValueOperation:
                return Verdict.Absent;
            default:
                return Verdict.Raw;
        }
    }

    private Verdict ClassifyInvocation(IInvocationOperation invocation, int depth)
    {
        IMethodSymbol method = invocation.TargetMethod;
        string? ns = method.ContainingNamespace?.ToDisplayString();
        if (ns is "CapiKit.Pii" or "System.Security.Cryptography")
        {
            return Verdict.Hashed;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && invocation.Instance is not null
            && method.Name is "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "Replace" or "ToString")
        {
            return Classify(invocation.Instance, depth + 1);
        }

        if (method.Name is "ToHexString" or "ToHexStringLower" && method.ContainingType?.Name == "Convert")
        {
            return Verdict.Hashed;
        }

        if (method.Name == "ToString" && invocation.Instance is { } instance && instance.Type?.Name == "Sha256Hash")
        {
            return Verdict.Hashed;
        }

        // A helper of the application's own ("HashEmail", "Sha256Hex") or a digest computed inline.
        if (NamedLikeHash(method.Name) || invocation.Descendants().Any(UsesCryptography))
        {
            return Verdict.Hashed;
        }

        return Verdict.Raw;
    }

    private static bool UsesCryptography(IOperation operation) => operation switch
    {
        IInvocationOperation call => call.TargetMethod.ContainingNamespace?.ToDisplayString() is "System.Security.Cryptography" or "CapiKit.Pii",
        IMemberReferenceOperation member => member.Member.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography",
        _ => false,
    };

    private static Verdict Combine(Verdict left, Verdict right) =>
        left == Verdict.Raw || right == Verdict.Raw ? Verdict.Raw : left == Verdict.Hashed || right == Verdict.Hashed ? Verdict.Hashed : Verdict.Absent;

    public static bool NamedLikeHash(string name) =>
        name.IndexOf("hash", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("sha256", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("digest", StringComparison.OrdinalIgnoreCase) >= 0;

    public static IOperation Unwrap(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                default:
                    return value;
            }
        }
    }
}
