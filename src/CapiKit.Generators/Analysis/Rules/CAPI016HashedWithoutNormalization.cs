using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI016: Customer information is hashed without Meta's normalization. Meta matches the SHA-256 of the normalized value only; a hash of an e-mail that was not trimmed and lower-cased, or of a phone number that was not reduced to digits, is accepted and matches no one.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI016]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI016HashedWithoutNormalization
{
    public const string Id = "CAPI016";

    private const string Title = "Customer information is hashed without Meta's normalization";

    private const string Description = "Meta matches the SHA-256 of the normalized value only; a hash of an e-mail that was not trimmed and lower-cased, or of a phone number that was not reduced to digits, is accepted and matches no one.";

    /// <summary>user_data key '{key}' is hashed without {missing}; Meta hashes the normalized value, so this hash matches no one: apply the {rule} normalization before hashing</summary>
    public static readonly DiagnosticDescriptor NotNormalized = RuleDescriptor.Create(Id, Title, "user_data key '{0}' is hashed without {1}; Meta hashes the normalized value, so this hash matches no one: apply the {2} normalization before hashing", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(NotNormalized);

    /// <summary>
    /// The steps of the schema's normalization rules that a hash cannot do without: an e-mail trimmed and lower-cased,
    /// a phone number reduced to digits. Only rules whose steps the model can see are checked.
    /// </summary>
    private static readonly Dictionary<string, (Normalization Steps, string Names)[]> Required = new(System.StringComparer.Ordinal)
    {
        ["email"] = new[] { (Normalization.Trimmed, "trimming"), (Normalization.LowerCased, "lower-casing") },
        ["phone"] = new[] { (Normalization.DigitsOnly, "reducing it to digits") },
    };

    /// <summary>
    /// Each hashed value under a key whose normalization the model can check, when the model sees the whole way from
    /// the raw value to the hash and a required step is not on it. Reported at the hashing expression (the one a local holds, if the value is a local).
    /// </summary>
    public static void CheckUserData(PayloadObject userData, RuleContext context)
    {
        foreach (PayloadValue value in userData.Values)
        {
            if (!context.Facts.NormalizationOf.TryGetValue(value.Key, out string? rule) || !Required.TryGetValue(rule, out var steps))
            {
                continue;
            }

            foreach (PayloadValue item in value.Items)
            {
                if (item.HashedWith is not { } applied || (applied & Normalization.Opaque) != 0)
                {
                    continue;
                }

                string[] missing = steps.Where(s => (applied & s.Steps) == 0).Select(s => s.Names).ToArray();
                if (missing.Length > 0)
                {
                    context.Report(Diagnostic.Create(NotNormalized, item.HashLocation, value.Key, string.Join(" and ", missing), rule));
                }
            }
        }
    }
}
