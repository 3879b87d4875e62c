using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// What the payload model needs to know about a method of the compilation without following it again at every call:
/// whether it hashes its input (its body computes a SHA-256 digest, or calls a method that does) and which of Meta's
/// normalization steps its body applies. Computed lazily, once per method, and kept for one compilation only (an
/// instance lives in one compilation-start action), with a bounded call depth.
/// </summary>
internal sealed class MethodSummaries
{
    /// <summary>How many calls deep a summary follows helpers that call helpers.</summary>
    public const int MaxDepth = 4;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);

    public MethodSummaries(Compilation compilation) => _compilation = compilation;

    /// <summary>The summary of a method declared in source, or <see cref="MethodSummary.None"/> for one from metadata.</summary>
    public MethodSummary Of(IMethodSymbol method, CancellationToken cancellationToken) =>
        Of(method, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    private MethodSummary Of(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || depth > MaxDepth)
        {
            return MethodSummary.None;
        }

        if (_summaries.TryGetValue(method, out MethodSummary? known))
        {
            return known;
        }

        // A method that calls itself (directly or around a cycle) is seen as not hashing while its own summary is
        // computed. The guard is this computation's own, never a shared placeholder: analysis runs concurrently, and
        // another method must not read a summary that is still being computed.
        if (!visiting.Add(method))
        {
            return MethodSummary.None;
        }

        MethodSummary computed = Compute(method, depth, visiting, cancellationToken);
        visiting.Remove(method);

        // A negative answer found deep in a chain may be the depth bound's, not the method's: keep it for this chain only.
        return depth == 0 && visiting.Count == 0 || computed.Hashes ? _summaries.GetOrAdd(method, computed) : computed;
    }

    private MethodSummary Compute(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting, CancellationToken cancellationToken)
    {
        bool hashes = false;
        Normalization steps = Normalization.None;
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SyntaxNode syntax = reference.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            // Following values across methods needs the bodies of other methods; the model is asked for one body at
            // a time, once per method and compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            SemanticModel model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(syntax, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (IOperation operation in body.DescendantsAndSelf())
            {
                steps |= NormalizationSteps.Of(operation);
                if (IsDigest(operation))
                {
                    hashes = true;
                }
                else if (operation is IInvocationOperation call && !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method))
                {
                    MethodSummary callee = Of(call.TargetMethod, depth + 1, visiting, cancellationToken);
                    hashes |= callee.Hashes;
                    steps |= callee.Steps;
                }
                else if (operation is IConversionOperation { OperatorMethod: { } conversion })
                {
                    MethodSummary callee = Of(conversion, depth + 1, visiting, cancellationToken);
                    hashes |= callee.Hashes;
                    steps |= callee.Steps;
                }
            }
        }

        return hashes || steps != Normalization.None ? new MethodSummary(hashes, steps) : MethodSummary.None;
    }

    /// <summary>
    /// A call that computes a SHA-256 digest: <c>SHA256.HashData</c>, <c>SHA256.Create().ComputeHash</c>,
    /// <c>HashAlgorithm.ComputeHash</c> (an algorithm chosen by name), <c>IncrementalHash</c>, BouncyCastle's
    /// <c>Sha256Digest</c>, or CapiKit's own hashing.
    /// </summary>
    public static bool IsDigest(IOperation operation)
    {
        if (operation is not IInvocationOperation { TargetMethod: var method })
        {
            return false;
        }

        INamedTypeSymbol? type = method.ContainingType;
        string? ns = type?.ContainingNamespace?.ToDisplayString();
        string typeName = type?.Name ?? string.Empty;
        return ns switch
        {
            "CapiKit.Pii" => true,
            "System.Security.Cryptography" => method.Name is "HashData" or "TryHashData" or "HashDataAsync" or "ComputeHash" or "ComputeHashAsync" or "TryComputeHash"
                    or "GetHashAndReset" or "GetCurrentHash" or "TransformFinalBlock"
                && (typeName.StartsWith("SHA256", StringComparison.Ordinal) || typeName is "HashAlgorithm" or "IncrementalHash"),
            "Org.BouncyCastle.Crypto.Digests" => typeName == "Sha256Digest" && method.Name == "DoFinal",
            _ => false,
        };
    }
}

/// <summary>What a method does to the value it is given.</summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary None = new(false, Normalization.None);

    public MethodSummary(bool hashes, Normalization steps)
    {
        Hashes = hashes;
        Steps = steps;
    }

    /// <summary>Whether the method computes a SHA-256 digest, itself or through a method it calls.</summary>
    public bool Hashes { get; }

    /// <summary>The normalization steps its body (or a method it calls) applies.</summary>
    public Normalization Steps { get; }
}

/// <summary>Which of Meta's normalization steps a value went through before it was hashed.</summary>
[Flags]
internal enum Normalization
{
    /// <summary>No step seen.</summary>
    None = 0,

    /// <summary>Whitespace trimmed.</summary>
    Trimmed = 1,

    /// <summary>Lower-cased.</summary>
    LowerCased = 2,

    /// <summary>Reduced to digits.</summary>
    DigitsOnly = 4,

    /// <summary>Through a normalizer the model cannot see into (CapiKit's, or an unknown method): assume every step.</summary>
    Opaque = 8,
}

/// <summary>Recognizes one normalization step in one operation.</summary>
internal static class NormalizationSteps
{
    public static Normalization Of(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: var method } invocation:
                if (method.ContainingType?.SpecialType == SpecialType.System_String)
                {
                    return method.Name switch
                    {
                        "Trim" or "TrimStart" or "TrimEnd" => Normalization.Trimmed,
                        "ToLower" or "ToLowerInvariant" => Normalization.LowerCased,
                        _ => Normalization.None,
                    };
                }

                if (method.ContainingType?.SpecialType == SpecialType.System_Char && method.Name is "IsDigit" or "IsNumber")
                {
                    return Normalization.DigitsOnly;
                }

                if (method.ContainingType?.Name == "Regex" && method.Name == "Replace"
                    && invocation.Arguments.Any(a => a.Value.ConstantValue is { HasValue: true, Value: string pattern } && IsNonDigitPattern(pattern)))
                {
                    return Normalization.DigitsOnly;
                }

                if (method.ContainingNamespace?.ToDisplayString() == "CapiKit.Pii")
                {
                    return Normalization.Opaque;
                }

                return Normalization.None;
            case IMethodReferenceOperation { Method: { ContainingType.SpecialType: SpecialType.System_Char, Name: "IsDigit" or "IsNumber" } }:
                return Normalization.DigitsOnly;
            default:
                return Normalization.None;
        }
    }

    private static bool IsNonDigitPattern(string pattern) =>
        pattern.Contains("\\D") || pattern.Contains("[^0-9") || pattern.Contains("[^\\d");
}
