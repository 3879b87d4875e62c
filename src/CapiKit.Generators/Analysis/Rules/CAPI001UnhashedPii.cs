using System.Collections.Generic;
using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI001: Customer information is not hashed. Meta rejects the whole request when a user_data key it wants hashed carries a raw value, and personal data does not belong in custom_data.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI001]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI001UnhashedPii
{
    public const string Id = "CAPI001";

    private const string Title = "Customer information is not hashed";

    private const string Description = "Meta rejects the whole request when a user_data key it wants hashed carries a raw value, and personal data does not belong in custom_data.";

    /// <summary>user_data key '{key}' gets a raw value; Meta rejects unhashed {key}: normalize and SHA-256 hash it</summary>
    public static readonly DiagnosticDescriptor RawValue = RuleDescriptor.Create(Id, Title, "user_data key '{0}' gets a raw value; Meta rejects unhashed {0}: normalize and SHA-256 hash it", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>custom_data key '{key}' carries personal data; Meta does not hash custom_data, so send it in user_data, normalized and hashed</summary>
    public static readonly DiagnosticDescriptor PersonalDataInCustomData = RuleDescriptor.Create(Id, Title, "custom_data key '{0}' carries personal data; Meta does not hash custom_data, so send it in user_data, normalized and hashed", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>user_data key '{key}' in this JSON is not a SHA-256 hex digest; Meta rejects unhashed {key}</summary>
    public static readonly DiagnosticDescriptor NotDigestInJson = RuleDescriptor.Create(Id, Title, "user_data key '{0}' in this JSON is not a SHA-256 hex digest; Meta rejects unhashed {0}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>custom_data key '{key}' in this JSON carries personal data; send it in user_data, normalized and hashed</summary>
    public static readonly DiagnosticDescriptor PersonalDataInJsonCustomData = RuleDescriptor.Create(Id, Title, "custom_data key '{0}' in this JSON carries personal data; send it in user_data, normalized and hashed", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>{method} {verb}, but {problem}; use {rawMethod}, which normalizes and hashes {key}</summary>
    public static readonly DiagnosticDescriptor RawValueThroughHashEntry = RuleDescriptor.Create(Id, Title, "{0} {1}, but {2}; use {3}, which normalizes and hashes {4}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(RawValue, PersonalDataInCustomData, NotDigestInJson, PersonalDataInJsonCustomData, RawValueThroughHashEntry);

    /// <summary>
    /// A raw value under a key Meta wants hashed. In C# each raw value is reported where it is written, with the fix
    /// that wraps it; in a JSON literal the key is reported once, at the key.
    /// </summary>
    public static void CheckUserData(PayloadObject userData, RuleContext context)
    {
        foreach (PayloadValue value in userData.Values.Where(v => context.Facts.RequiredHashedKeys.Contains(v.Key)))
        {
            if (value.Operation is null)
            {
                if (value.Items.Any(item => item.Hash == HashState.Raw))
                {
                    context.Report(Diagnostic.Create(NotDigestInJson, value.Location, value.Key));
                }

                continue;
            }

            foreach (PayloadValue item in value.Items.Where(item => item.Hash == HashState.Raw))
            {
                context.Report(Diagnostic.Create(
                    RawValue,
                    item.Location,
                    ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.WrapInNormalizeAndHash).Add(FixKinds.Key, value.Key),
                    value.Key));
            }
        }
    }

    /// <summary>Personal data in custom_data, which Meta does not hash.</summary>
    public static void CheckCustomData(PayloadObject customData, RuleContext context)
    {
        foreach (PayloadValue value in customData.Values.Where(v => context.Facts.IsPersonalName(v.Key)))
        {
            context.Report(Diagnostic.Create(value.Operation is null ? PersonalDataInJsonCustomData : PersonalDataInCustomData, value.Location, value.Key));
        }
    }

    private static readonly string[] PersonalWords =
    {
        "email", "mail", "phone", "mobile", "firstname", "lastname", "surname", "birth", "dob", "gender", "city", "zip", "postal", "postcode", "country", "state",
    };

    /// <summary><c>AddEmailHash(Sha256Hash.Parse(email))</c>: a raw value through the door meant for finished hashes.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.UserData))
        {
            return;
        }

        string name = invocation.TargetMethod.Name;
        if (!name.EndsWith("Hash", StringComparison.Ordinal) || name.Length < 8 || invocation.Arguments.Length != 1)
        {
            return;
        }

        string label = name.Substring(3, name.Length - 7);
        if (!context.Facts.HashedLabels.TryGetValue(label, out string? key)
            || HashedValueRecognizer.Unwrap(invocation.Arguments[0].Value) is not IInvocationOperation { TargetMethod: { Name: "Parse" or "Compute" } hashMethod } hashCall
            || !SymbolEqualityComparer.Default.Equals(hashMethod.ContainingType, symbols.Sha256Hash)
            || hashCall.Arguments.Length != 1)
        {
            return;
        }

        IOperation source = HashedValueRecognizer.Unwrap(hashCall.Arguments[0].Value);
        string? problem = source.ConstantValue is { HasValue: true, Value: string text }
            ? HashedValueRecognizer.IsHexDigest(text) ? null : "the literal is not 64 hexadecimal digits"
            : LooksRaw(source) is string member ? $"'{member}' holds the raw value" : null;
        if (problem is null || (hashMethod.Name == "Compute" && source.ConstantValue.HasValue))
        {
            return;
        }

        string verb = hashMethod.Name == "Compute" ? "hashes it without Meta's normalization" : "is meant for finished SHA-256 hashes";
        context.Report(Diagnostic.Create(
            RawValueThroughHashEntry,
            invocation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseRawValueMethod).Add(FixKinds.Key, key).Add(FixKinds.Method, name.Substring(0, 3) + label),
            name, verb, problem, name.Substring(0, 3) + label, key));
    }

    /// <summary>The name of a member, parameter or local that reads like raw personal data, or null.</summary>
    private static string? LooksRaw(IOperation operation)
    {
        string? name = operation switch
        {
            IMemberReferenceOperation member => member.Member.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };
        if (name is null || HashedValueRecognizer.NamedLikeHash(name))
        {
            return null;
        }

        string lower = name.ToLowerInvariant().Replace("_", "");
        if (operation is IMemberReferenceOperation { Member: var memberSymbol }
            && memberSymbol.GetAttributes().Any(a => a.AttributeClass?.Name == "UserDataAttribute"))
        {
            return name;
        }

        return PersonalWords.Any(word => lower.Contains(word)) ? name : null;
    }
}
