using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;

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
    /// that wraps it; in a JSON literal the key is reported once, at the literal.
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
}
