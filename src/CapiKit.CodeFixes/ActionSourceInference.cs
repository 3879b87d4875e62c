using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Generation.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// The one action source the code shows an event needs, or none. First the event itself, read against the schema's
/// <c>actionSources[].requires/forbids</c>: a field that only one action source requires names it (event_source_url
/// and client_user_agent: website; app_data: app), a field an action source forbids rules it out, and fields that
/// name two sources name none. Then the project: when every action source written elsewhere in it is one value.
/// </summary>
internal static class ActionSourceInference
{
    private static readonly Regex JsonActionSource = new("\"action_source\"\\s*:\\s*\"(?<value>[a-z_]+)\"", RegexOptions.CultureInvariant);

    // Action sources written in a project, per project snapshot: Fix All asks once per diagnostic.
    private static readonly ConditionalWeakTable<Project, HashSet<string>> UsedByProject = new();

    /// <summary>The inferred value and why (for the action's title), or null.</summary>
    public static async Task<(string Value, string Reason)?> InferAsync(Document document, Diagnostic diagnostic, PayloadFacts facts, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ActionSourceEdits.FixOf(diagnostic) is not { } fix)
        {
            return null;
        }

        SyntaxNode node = ActionSourceEdits.NodeOf(root, diagnostic);
        HashSet<string> fields = fix == FixKinds.AddToAttribute ? MappedFields(node, model, facts, cancellationToken) : PayloadFields(node);
        string verb = fix == FixKinds.AddToAttribute ? "maps" : "sends";

        List<string> allowed = facts.ActionSources
            .Where(source => !facts.Forbidden[source].Any(f => fields.Contains($"{f.Object}.{f.Field}")))
            .ToList();
        var implied = fields
            .Select(field => (Field: field, Sources: facts.ActionSources.Where(s => facts.Requirements[s].Any(r => $"{r.Object}.{r.Field}" == field)).ToArray()))
            .Where(f => f.Sources.Length == 1)
            .GroupBy(f => f.Sources[0])
            .ToList();
        if (implied.Count > 1)
        {
            return null;
        }

        if (implied.Count == 1)
        {
            string field = implied[0].First().Field;
            return allowed.Contains(implied[0].Key) ? (implied[0].Key, $"the event {verb} {field.Substring(field.IndexOf('.') + 1)}") : null;
        }

        if (allowed.Count == 1)
        {
            return (allowed[0], "the only action source the event's fields allow");
        }

        HashSet<string> used = await UsedInProjectAsync(document.Project, facts, cancellationToken).ConfigureAwait(false);
        return used.Count == 1 && allowed.Contains(used.First()) ? (used.First(), "the action source this project uses") : null;
    }

    /// <summary>What a <c>[ConversionEvent]</c> class maps, as <c>object.field</c>, read as the generator reads it.</summary>
    private static HashSet<string> MappedFields(SyntaxNode node, SemanticModel model, PayloadFacts facts, CancellationToken cancellationToken)
    {
        HashSet<string> fields = new(StringComparer.Ordinal);
        if (node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration && model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type)
        {
            foreach (ISymbol member in EventClassParser.MembersWithInherited(type))
            {
                foreach (AttributeData attribute in member.GetAttributes())
                {
                    if (EventClassParser.ReadTarget(attribute, facts.Schema) is (string target, string key))
                    {
                        fields.Add($"{target}.{key}");
                    }
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// The keys a hand-built event sends, as <c>object.field</c>: its own (<c>server_event.event_source_url</c>) and
    /// those of the user_data and app_data objects written inside it.
    /// </summary>
    private static HashSet<string> PayloadFields(SyntaxNode node)
    {
        HashSet<string> fields = new(StringComparer.Ordinal);
        Collect(node, "server_event", fields);
        return fields;

        static void Collect(SyntaxNode creation, string owner, HashSet<string> into)
        {
            foreach ((string key, ExpressionSyntax? value) in Entries(creation))
            {
                into.Add($"{owner}.{key}");
                if (value is not null && key is "user_data" or "app_data")
                {
                    Collect(value, key, into);
                }
            }
        }
    }

    /// <summary>The string keys of an anonymous object or an initializer, with their values.</summary>
    private static IEnumerable<(string Key, ExpressionSyntax? Value)> Entries(SyntaxNode node)
    {
        switch (node)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                foreach (AnonymousObjectMemberDeclaratorSyntax member in anonymous.Initializers)
                {
                    string? name = member.NameEquals?.Name.Identifier.ValueText
                        ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText
                        ?? (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                    if (name is not null)
                    {
                        yield return (name, member.Expression);
                    }
                }

                break;
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer }:
                foreach (ExpressionSyntax entry in initializer.Expressions)
                {
                    if (entry is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax key }] } } indexed
                        && key.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        yield return (key.Token.ValueText, indexed.Right);
                    }
                    else if (entry is InitializerExpressionSyntax { Expressions: [LiteralExpressionSyntax pairKey, ExpressionSyntax pairValue] } && pairKey.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        yield return (pairKey.Token.ValueText, pairValue);
                    }
                }

                break;
            default:
                // The diagnostic may sit on an expression that holds the creation (a cast, a return).
                if (node.DescendantNodes().FirstOrDefault(n => n is AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax) is { } inner)
                {
                    foreach (var entry in Entries(inner))
                    {
                        yield return entry;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Every action source value written in the project: <c>ActionSource.X</c>, <c>ServerEvent.ForX(...)</c>,
    /// <c>action_source = "x"</c> in anonymous objects and initializers, and <c>"action_source":"x"</c> in JSON strings.
    /// </summary>
    private static async Task<HashSet<string>> UsedInProjectAsync(Project project, PayloadFacts facts, CancellationToken cancellationToken)
    {
        if (UsedByProject.TryGetValue(project, out HashSet<string>? cached))
        {
            return cached;
        }

        Dictionary<string, string> byMember = facts.ActionSources.ToDictionary(Naming.Pascal, value => value, StringComparer.Ordinal);
        HashSet<string> used = new(StringComparer.Ordinal);
        foreach (Document document in project.Documents)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (SyntaxNode node in root.DescendantNodes())
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access when byMember.TryGetValue(access.Name.Identifier.ValueText, out string? value)
                        && access.Expression.ToString().EndsWith("ActionSource", StringComparison.Ordinal):
                        model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        if (model?.GetSymbolInfo(access, cancellationToken).Symbol is IFieldSymbol { ContainingType: { } enumType } && enumType.ToDisplayString() == "CapiKit.ActionSource")
                        {
                            used.Add(value);
                        }

                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } when call.Name.Identifier.ValueText.StartsWith("For", StringComparison.Ordinal)
                        && byMember.TryGetValue(call.Name.Identifier.ValueText.Substring(3), out string? value):
                        model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        if (model?.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } serverEvent } && serverEvent.ToDisplayString() == "CapiKit.ServerEvent")
                        {
                            used.Add(value);
                        }

                        break;
                    case AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                        foreach ((string key, ExpressionSyntax? entryValue) in Entries(node))
                        {
                            if (key == "action_source" && entryValue is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && facts.ActionSources.Contains(literal.Token.ValueText))
                            {
                                used.Add(literal.Token.ValueText);
                            }
                        }

                        break;
                    case LiteralExpressionSyntax text when text.IsKind(SyntaxKind.StringLiteralExpression) && text.Token.ValueText.Contains("\"action_source\""):
                        foreach (Match match in JsonActionSource.Matches(text.Token.ValueText))
                        {
                            if (facts.ActionSources.Contains(match.Groups["value"].Value))
                            {
                                used.Add(match.Groups["value"].Value);
                            }
                        }

                        break;
                }
            }
        }

        return UsedByProject.GetValue(project, _ => used);
    }
}
