using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI012: a Meta access token or app secret written in source. Tokens are recognized by their shape (Meta's
/// user, page and system-user tokens start with "EAA" and run to well over a hundred characters); other secrets by a
/// machine-made value (32 hex digits, or a long mixed string without spaces) given to something named like a secret,
/// with the kind the name says. No fix: the only fix is to revoke the token.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretsAnalyzer : DiagnosticAnalyzer
{
    private const int MinimumTokenLength = 60;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CAPI012SecretInSource.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static operation => Analyze((ILiteralOperation)operation.Operation, operation.ReportDiagnostic), OperationKind.Literal);
    }

    private static void Analyze(ILiteralOperation literal, Action<Diagnostic> report)
    {
        if (literal.ConstantValue.Value is not string text || text.Length < 20)
        {
            return;
        }

        if (LooksLikeAccessToken(text))
        {
            report(Diagnostic.Create(CAPI012SecretInSource.AccessToken, literal.Syntax.GetLocation()));
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
            : null;
        if (kind is not null && LooksLikeSecretValue(text))
        {
            report(Diagnostic.Create(CAPI012SecretInSource.LiteralSecret, literal.Syntax.GetLocation(), target, kind));
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
