using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Payloads written as JSON in string literals (raw string literals included): the same rules as every other
/// payload, through <see cref="JsonPayload"/>, reported at the offending key's line and column inside the literal.
/// </summary>
internal static class JsonLiteralChecks
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // The second pass that finds positions must read the text exactly as the document did.
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = DocumentOptions.AllowTrailingCommas, CommentHandling = DocumentOptions.CommentHandling };

    public static void Check(ILiteralOperation literal, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (literal.ConstantValue.Value is not string text || !JsonTextFragments.MentionsUserData(text))
        {
            return;
        }

        string trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException)
        {
            return; // Not JSON (a template with placeholders, say): nothing to check.
        }

        using (document)
        {
            try
            {
                JsonTextPositions positions = JsonTextPositions.Read(text, LiteralToken(literal), literal.Syntax.GetLocation(), ReaderOptions);
                Walk(document.RootElement, positions, string.Empty, facts, report, depth: 0);
            }
            catch (InvalidOperationException)
            {
                // A name or string with an unpaired surrogate escape ("\ud800") is valid JSON syntax but no text, and
                // JsonElement throws when asked for it. Such a payload cannot be sent as UTF-8 at all; what was checked
                // before it stands, and the analyzer must not fail (AD0001).
            }
        }
    }

    private static SyntaxToken LiteralToken(ILiteralOperation literal) =>
        literal.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax expression ? expression.Token : default;

    private static void Walk(JsonElement element, JsonTextPositions positions, string path, PayloadFacts facts, Action<Diagnostic> report, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                Walk(item, positions, JsonTextPositions.Member(path, index++), facts, report, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        RuleContext context = new(facts, report);
        JsonPayload payload = new(element, positions, path);
        if (element.TryGetProperty("user_data", out _))
        {
            PayloadRules.CheckEvent(payload, context);
            if (payload.Child("user_data") is { } userData)
            {
                PayloadRules.CheckUserData(userData, context);
            }

            if (payload.Child("custom_data") is { } customData)
            {
                PayloadRules.CheckCustomData(customData, context);
            }
        }

        if (element.TryGetProperty("data", out _) || element.TryGetProperty("test_event_code", out _))
        {
            PayloadRules.CheckRequest(payload, context);
        }

        int member = 0;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            Walk(property.Value, positions, JsonTextPositions.Member(path, member++), facts, report, depth + 1);
        }
    }
}
