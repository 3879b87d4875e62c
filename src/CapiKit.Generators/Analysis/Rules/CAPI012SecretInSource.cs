using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI012: Access token or app secret in source code. A Conversions API access token or app secret in source ends up in version control and build artifacts; read it from a secret store.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI012]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI012SecretInSource
{
    public const string Id = "CAPI012";

    private const string Title = "Access token or app secret in source code";

    private const string Description = "A Conversions API access token or app secret in source ends up in version control and build artifacts; read it from a secret store.";

    /// <summary>this literal is a Meta access token; a token in source reaches version control and every build: revoke it and read it from a secret store</summary>
    public static readonly DiagnosticDescriptor AccessToken = RuleDescriptor.Create(Id, Title, "this literal is a Meta access token; a token in source reaches version control and every build: revoke it and read it from a secret store", RuleDescriptor.Security, DiagnosticSeverity.Error, Description);

    /// <summary>'{target}' gets a literal {kind}; secrets in source reach version control and every build: read it from a secret store</summary>
    public static readonly DiagnosticDescriptor LiteralSecret = RuleDescriptor.Create(Id, Title, "'{0}' gets a literal {1}; secrets in source reach version control and every build: read it from a secret store", RuleDescriptor.Security, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(AccessToken, LiteralSecret);
}
