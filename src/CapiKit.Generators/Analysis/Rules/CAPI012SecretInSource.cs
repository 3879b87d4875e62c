using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

    private const int MinimumTokenLength = 60;

    /// <summary>
    /// A string literal that is a Meta access token, or a machine-made value stored in or passed as something
    /// named like a secret; the message names the kind of secret the name says.
    /// </summary>
    public static void CheckLiteral(ILiteralOperation literal, Action<Diagnostic> report)
    {
        if (literal.ConstantValue.Value is not string text || text.Length < 20)
        {
            return;
        }

        if (LooksLikeAccessToken(text))
        {
            report(Diagnostic.Create(AccessToken, literal.Syntax.GetLocation()));
            return;
        }

        string? target = TargetName(literal);
        if (target is null)
        {
            return;
        }

        // The name says what kind of secret the place holds; the value must look like one. Localization tables
        // whose keys mention "ClientSecret" hold prose ("Client secret"), and samples hold placeholders
        // ("YOUR_APP_SECRET"): neither is a secret.
        string name = target.Replace("_", "").ToLowerInvariant();
        string? kind = name.Contains("appsecret") ? "app secret"
            : name.Contains("clientsecret") ? "client secret"
            : name.Contains("accesstoken") ? "access token"
            : name.Contains("secret") ? "secret"
            // `_settings.Token = "EAA..."`: a member named for a token that gets what Meta's tokens start with, too
            // short for the bare-literal check above (a truncated or test token is still one).
            : IsMetaTokenShaped(text, name) ? "access token"
            : null;
        // A value with Meta's token prefix may spell "Token" in its made-up middle: the prefix decides, not the name.
        if (kind is not null && LooksLikeSecretValue(text) && (IsMetaTokenShaped(text, name) || !SpellsTheName(text, target)))
        {
            report(Diagnostic.Create(LiteralSecret, literal.Syntax.GetLocation(), target, kind));
        }
    }

    /// <summary>
    /// A value a machine made: 32 hex digits (Meta's app secret), or at least 20 characters of letters, digits and
    /// token punctuation with no white space, holding both letters and digits, spread over many distinct characters.
    /// </summary>
    private static bool LooksLikeSecretValue(string text)
    {
        if (IsHex(text, 32))
        {
            return true;
        }

        bool letters = false;
        bool digits = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '+' or '='))
            {
                return false;
            }

            letters |= char.IsLetter(c);
            digits |= char.IsDigit(c);
        }

        return letters && digits && text.Distinct().Count() >= MinimumDistinctCharacters;
    }

    private const int MinimumDistinctCharacters = 12;

    /// <summary>
    /// A value that spells the words of its own name (<c>SecretsVersioning = "sm-1587-secrets-versioning"</c>, a feature
    /// flag's key) is an identifier someone typed, not a secret a machine made.
    /// </summary>
    private static bool SpellsTheName(string text, string name)
    {
        string lower = text.ToLowerInvariant();
        int start = 0;
        int words = 0;
        int spelled = 0;
        for (int i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsUpper(name[i]) || name[i] == '_')
            {
                string word = name.Substring(start, i - start).Trim('_').ToLowerInvariant();
                if (word.Length >= 4)
                {
                    words++;
                    spelled += lower.Contains(word) ? 1 : 0;
                }

                start = i;
            }
        }

        return words > 0 && spelled == words;
    }

    private static bool IsMetaTokenShaped(string text, string name) =>
        name.EndsWith("token", StringComparison.Ordinal) && text.StartsWith("EAA", StringComparison.Ordinal) && text.All(char.IsLetterOrDigit);

    private static bool LooksLikeAccessToken(string text) =>
        text.Length >= MinimumTokenLength && text.StartsWith("EAA", StringComparison.Ordinal) && text.All(char.IsLetterOrDigit);

    private static bool IsHex(string text, int length) =>
        text.Length == length && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F'));

    /// <summary>The name of what the literal is stored in or passed as, if anything.</summary>
    private static string? TargetName(IOperation literal)
    {
        IOperation? parent = literal.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } when indexer.Arguments[0].Value.ConstantValue.Value is string key => key,
            ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } => member.Member.Name,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local.Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault()?.Name,
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault()?.Name,
            IArgumentOperation argument => argument.Parameter?.Name,
            _ => null,
        };
    }
}
