using System;
using System.Linq;
using System.Text.Json;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Payloads written as JSON in string literals (raw string literals included): the same checks, reported on the
/// literal, since a string has no finer location to fix.
/// </summary>
internal static class JsonLiteralChecks
{
    public static void Check(ILiteralOperation literal, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (literal.ConstantValue.Value is not string text || text.IndexOf("\"user_data\"", StringComparison.Ordinal) < 0)
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
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return; // Not JSON (a template with placeholders, say): nothing to check.
        }

        using (document)
        {
            try
            {
                Walk(document.RootElement, literal.Syntax.GetLocation(), facts, report, depth: 0);
            }
            catch (InvalidOperationException)
            {
                // A name or string with an unpaired surrogate escape ("\ud800") is valid JSON syntax but no text, and
                // JsonElement throws when asked for it. Such a payload cannot be sent as UTF-8 at all; what was checked
                // before it stands, and the analyzer must not fail (AD0001).
            }
        }
    }

    private static void Walk(JsonElement element, Location location, PayloadFacts facts, Action<Diagnostic> report, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Walk(item, location, facts, report, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("user_data", out JsonElement userData))
        {
            CheckEvent(element, userData, location, facts, report);
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            Walk(property.Value, location, facts, report, depth + 1);
        }
    }

    private static void CheckEvent(JsonElement @event, JsonElement userData, Location location, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (!@event.TryGetProperty("action_source", out JsonElement actionSource))
        {
            report(Diagnostic.Create(CAPI002MissingActionSource.MissingInJson, location));
        }

        if (userData.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in userData.EnumerateObject().Where(p => facts.RequiredHashedKeys.Contains(p.Name)))
            {
                JsonElement[] values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToArray() : new[] { property.Value };
                if (values.Any(v => v.ValueKind == JsonValueKind.String && !HashedValueRecognizer.IsHexDigest(v.GetString()!)))
                {
                    report(Diagnostic.Create(CAPI001UnhashedPii.NotDigestInJson, location, property.Name));
                }
            }
        }

        if (@event.TryGetProperty("custom_data", out JsonElement customData) && customData.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in customData.EnumerateObject().Where(p => facts.IsPersonalName(p.Name)))
            {
                report(Diagnostic.Create(CAPI001UnhashedPii.PersonalDataInJsonCustomData, location, property.Name));
            }
        }

        if (@event.TryGetProperty("event_time", out JsonElement time) && time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out long seconds))
        {
            string? source = actionSource.ValueKind == JsonValueKind.String ? actionSource.GetString() : null;
            EventTimeEvaluator.TimeValue value = seconds >= 100_000_000_000L
                ? new EventTimeEvaluator.TimeValue(EventTimeEvaluator.Kind.Milliseconds, 0, $"{seconds} has {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture).Length} digits: milliseconds, as JavaScript's Date.now() gives")
                : new EventTimeEvaluator.TimeValue(EventTimeEvaluator.Kind.Absolute, seconds);
            if (EventTimeRule.Check(value, location, facts, source, fix: null) is { } diagnostic)
            {
                report(diagnostic);
            }
        }
    }
}
