using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Decides whether a value reaching a hashed key is already a SHA-256 hex digest: CapiKit's hash, a digest computed
/// with System.Security.Cryptography, a helper of the compilation whose body computes one (whatever its name), a
/// user-defined conversion that does, a 64-hex-digit literal, or a value whose name says it is a hash. Anything else
/// is raw, because that is what an unrecognized string usually is. It also tells which of Meta's normalization
/// steps a hashed value went through (<see cref="HashedWith"/>).
/// </summary>
internal sealed class HashedValueRecognizer
{
    private readonly IReadOnlyDictionary<ISymbol, List<IOperation>> _localValues;
    private readonly MethodSummaries? _summaries;
    private readonly CancellationToken _cancellationToken;

    public HashedValueRecognizer(IReadOnlyDictionary<ISymbol, List<IOperation>> localValues, MethodSummaries? summaries = null, CancellationToken cancellationToken = default)
    {
        _localValues = localValues;
        _summaries = summaries;
        _cancellationToken = cancellationToken;
    }

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

        if (HashingConversion(value) is not null)
        {
            return Verdict.Hashed;
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
            case IPropertyReferenceOperation { Property.GetMethod: { } getter } property when _summaries is not null && !getter.DeclaringSyntaxReferences.IsEmpty && !IsAutoProperty(property.Property):
                // A computed property (`public string? em => Hash(_email)`): what its getter returns.
                return _summaries.Of(getter, _cancellationToken).Hashes ? Verdict.Hashed : NamedLikeHash(property.Property.Name) ? Verdict.Hashed : Verdict.Raw;
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
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Select(e => Classify(e, depth + 1)).Aggregate(Verdict.Absent, Combine);
            case var collection when collection.Kind.ToString() == "CollectionExpression":
                return collection.ChildOperations.Select(e => Classify(e, depth + 1)).Aggregate(Verdict.Absent, Combine);
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

        // A helper of the compilation counts when its body hashes, whatever its name ("Fingerprint", "Make"), and
        // does not when it does not, whatever its name ("HashEmail" that only lower-cases).
        if (_summaries is not null && !method.DeclaringSyntaxReferences.IsEmpty)
        {
            return _summaries.Of(method, _cancellationToken).Hashes || invocation.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(MethodSummaries.IsDigest))
                ? Verdict.Hashed
                : Verdict.Raw;
        }

        // A helper from a library named like one ("HashEmail", "Sha256Hex") or a digest computed inline.
        if (NamedLikeHash(method.Name) || invocation.Descendants().Any(UsesCryptography))
        {
            return Verdict.Hashed;
        }

        return Verdict.Raw;
    }

    /// <summary>
    /// The normalization steps a value went through before it was hashed, when the model sees the hashing (a helper
    /// or conversion of the compilation that hashes, or a digest computed inline) and everything between the raw
    /// value and it; null when the value is not seen to be hashed, or passes through something the model cannot read.
    /// </summary>
    public Normalization? HashedWith(IOperation value) => HashedWith(value, 0);

    /// <summary>
    /// Where a value is hashed: through locals that are assigned one value only (<c>var phoneHash = Hash(phone);</c>),
    /// the expression that hashes, which is where a missing normalization step goes; else the value itself.
    /// </summary>
    public IOperation HashingSite(IOperation value)
    {
        for (int depth = 0; depth < 6; depth++)
        {
            if (Unwrap(value) is ILocalReferenceOperation local && _localValues.TryGetValue(local.Local, out List<IOperation>? assigned) && assigned.Count == 1)
            {
                value = assigned[0];
                continue;
            }

            break;
        }

        return value;
    }

    private Normalization? HashedWith(IOperation value, int depth)
    {
        if (depth > 6 || _summaries is null)
        {
            return null;
        }

        if (HashingConversion(value) is { } conversion)
        {
            return Steps(conversion.Operand, depth + 1) is { } operand ? operand | _summaries.Of(conversion.OperatorMethod!, _cancellationToken).Steps : null;
        }

        value = Unwrap(value);
        switch (value)
        {
            case IInvocationOperation invocation when !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                MethodSummary summary = _summaries.Of(invocation.TargetMethod, _cancellationToken);
                if (!summary.Hashes)
                {
                    return null;
                }

                Normalization steps = summary.Steps;
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    if (argument.Value.ConstantValue.HasValue)
                    {
                        continue;
                    }

                    if (Steps(argument.Value, depth + 1) is not { } argumentSteps)
                    {
                        return null;
                    }

                    steps |= argumentSteps;
                }

                return steps;
            case IInvocationOperation invocation when invocation.DescendantsAndSelf().FirstOrDefault(MethodSummaries.IsDigest) is IInvocationOperation digest:
                if (digest.TargetMethod.ContainingNamespace?.ToDisplayString() == "CapiKit.Pii")
                {
                    return null;
                }

                Normalization inline = Normalization.None;
                foreach (IArgumentOperation argument in digest.Arguments)
                {
                    if (Steps(argument.Value, depth + 1) is not { } argumentSteps)
                    {
                        return null;
                    }

                    inline |= argumentSteps;
                }

                return inline;
            case ILocalReferenceOperation local when _localValues.TryGetValue(local.Local, out List<IOperation>? assigned):
                return Weakest(assigned.Select(a => a.ConstantValue.HasValue ? (Normalization?)Normalization.Opaque : HashedWith(a, depth + 1)));
            case IConditionalOperation conditional:
                return Weakest(new[] { conditional.WhenTrue, conditional.WhenFalse }.Where(b => b is not null && !b.ConstantValue.HasValue && b is not IDefaultValueOperation).Select(b => HashedWith(b!, depth + 1)));
            case ICoalesceOperation coalesce:
                return Weakest(new[] { coalesce.Value, coalesce.WhenNull }.Where(b => !b.ConstantValue.HasValue).Select(b => HashedWith(b, depth + 1)));
            default:
                return null;
        }
    }

    /// <summary>The weakest normalization over several paths; null when one of them cannot be told.</summary>
    private static Normalization? Weakest(IEnumerable<Normalization?> paths)
    {
        Normalization? weakest = null;
        foreach (Normalization? path in paths)
        {
            if (path is not { } steps)
            {
                return null;
            }

            weakest = weakest is { } known ? Strength(steps) < Strength(known) ? steps : known : steps;
        }

        return weakest;
    }

    private static int Strength(Normalization steps) => (steps & Normalization.Opaque) != 0 ? 8 : ((int)steps & 7) switch { 0 => 0, 1 or 2 or 4 => 1, _ => 2 };

    /// <summary>
    /// The normalization steps applied to a value on its way into a hash: string calls, LINQ, encodings, locals of
    /// the method, helpers of the compilation (by their summaries); null for a call into a library the model
    /// cannot read (it may normalize).
    /// </summary>
    private Normalization? Steps(IOperation value, int depth)
    {
        if (depth > 8 || _summaries is null)
        {
            return null;
        }

        Normalization steps = Normalization.None;
        foreach (IOperation operation in value.DescendantsAndSelf())
        {
            steps |= NormalizationSteps.Of(operation);
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: var method }:
                    if (!method.DeclaringSyntaxReferences.IsEmpty)
                    {
                        steps |= _summaries.Of(method, _cancellationToken).Steps;
                    }
                    else if (!IsPlainTextCall(method))
                    {
                        return null;
                    }

                    break;
                case ILocalReferenceOperation local when _localValues.TryGetValue(local.Local, out List<IOperation>? assigned) && depth < 8:
                    foreach (IOperation source in assigned)
                    {
                        if (Steps(source, depth + 1) is not { } sourceSteps)
                        {
                            return null;
                        }

                        steps |= sourceSteps;
                    }

                    break;
            }
        }

        return steps;
    }

    /// <summary>Library calls that pass text through without normalizing it the way Meta means.</summary>
    private static bool IsPlainTextCall(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Object)
        {
            return true;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns is "System.Text" or "System.Linq" or "System.Text.RegularExpressions"
            || (ns == "System" && type.Name is "Convert" or "BitConverter" or "Nullable" or "MemoryExtensions" or "String")
            || (ns == "System.Globalization" && type.Name == "CultureInfo");
    }

    /// <summary>A user-defined conversion of the compilation that hashes (<c>implicit operator HashedString(string)</c>).</summary>
    private IConversionOperation? HashingConversion(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation { OperatorMethod: { } method } conversion
                    when _summaries is not null && !method.DeclaringSyntaxReferences.IsEmpty && _summaries.Of(method, _cancellationToken).Hashes:
                    return conversion;
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                default:
                    return null;
            }
        }
    }

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

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
