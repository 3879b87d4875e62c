using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI007: A value Meta wants raw is hashed, case-changed or malformed. client_ip_address, client_user_agent, fbc, fbp, madid, anon_id, lead_id and the other never-hash keys must be sent exactly as received; fbc is case-sensitive.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI007]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI007RawKeyModified
{
    public const string Id = "CAPI007";

    private const string Title = "A value Meta wants raw is hashed, case-changed or malformed";

    private const string Description = "client_ip_address, client_user_agent, fbc, fbp, madid, anon_id, lead_id and the other never-hash keys must be sent exactly as received; fbc is case-sensitive.";

    /// <summary>{key} must reach Meta exactly as received, but {change} changes it{caseNote}</summary>
    public static readonly DiagnosticDescriptor Modified = RuleDescriptor.Create(Id, Title, "{0} must reach Meta exactly as received, but {1} changes it{2}", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>{key} is {problem}</summary>
    public static readonly DiagnosticDescriptor Malformed = RuleDescriptor.Create(Id, Title, "{0} is {1}", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(Modified, Malformed);
}
