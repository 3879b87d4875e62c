using System;
using System.Collections.Generic;
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

    /// <summary>
    /// CAPI005, CAPI006, CAPI013 and CAPI014 on a JSON event, from the same schema tables as the run-time pre-flight:
    /// what its action source requires and forbids, what its event requires in custom_data, the currency list and the
    /// invalid-only combinations of customer information.
    /// </summary>
    private static void CheckRequirements(JsonElement @event, JsonElement userData, Location location, PayloadFacts facts, Action<Diagnostic> report)
    {
        string? actionSource = Text(@event, "action_source");
        if (actionSource is not null && facts.Requirements.TryGetValue(actionSource, out var required))
        {
            string[] missing = required.Where(r => r.Object is "server_event" or "user_data" && !Has(r.Object == "server_event" ? @event : userData, r.Field)).Select(r => r.Field).ToArray();
            if (missing.Length > 0 && facts.MissingFieldsMessage(actionSource) is { } message)
            {
                report(Diagnostic.Create(message, location, actionSource, string.Join(" and no ", missing)));
            }

            JsonElement appData = Member(@event, "app_data");
            string[] missingApp = required.Where(r => r.Object == "app_data" && appData.ValueKind == JsonValueKind.Object && !Has(appData, r.Field)).Select(r => r.Field).ToArray();
            if (missingApp.Length > 0)
            {
                report(Diagnostic.Create(CAPI014AppDataMismatch.MissingAppDataFields, location, string.Join(" and no ", missingApp)));
            }
        }

        if (actionSource is not null && facts.Forbidden.TryGetValue(actionSource, out var forbidden) && facts.ForbiddenFieldMessage(actionSource) is { } forbiddenMessage)
        {
            foreach ((string _, string field) in forbidden.Where(f => f.Object == "server_event" && Has(@event, f.Field)))
            {
                report(Diagnostic.Create(forbiddenMessage, location, field, actionSource));
            }
        }

        if (Member(Member(@event, "app_data"), "extinfo") is { ValueKind: JsonValueKind.Array } extinfo && extinfo.GetArrayLength() != facts.ExtinfoLength)
        {
            report(Diagnostic.Create(CAPI014AppDataMismatch.ExtinfoLength, location, extinfo.GetArrayLength(), facts.ExtinfoLength));
        }

        JsonElement customData = Member(@event, "custom_data");
        if (Text(@event, "event_name") is { } eventName && facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys))
        {
            string[] missing = keys.Where(k => !Has(customData, k)).ToArray();
            if (missing.Length > 0)
            {
                report(Diagnostic.Create(CAPI006PurchaseIncomplete.MissingCustomData, location, eventName, string.Join(" and no ", missing)));
            }
        }

        if (Text(customData, "currency") is { } currency && !Iso4217.IsCode(currency))
        {
            string? suggestion = Iso4217.Suggest(currency);
            report(Diagnostic.Create(CAPI006PurchaseIncomplete.NotIso4217, location, currency, suggestion is null ? "" : $"; did you mean {suggestion}?"));
        }

        if (userData.ValueKind == JsonValueKind.Object)
        {
            HashSet<string> present = new(userData.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null && facts.IsUserDataKey(p.Name)).Select(p => p.Name), StringComparer.Ordinal);
            if (present.Count == 0)
            {
                report(Diagnostic.Create(CAPI013InvalidOnlyCustomerInformation.NoCustomerInformation, location));
            }
            else if (facts.InvalidOnlyCombinations.FirstOrDefault(c => present.IsSubsetOf(c)) is { } only)
            {
                report(Diagnostic.Create(CAPI013InvalidOnlyCustomerInformation.OnlyInvalidCombination, location,
                    "{" + string.Join(", ", present.OrderBy(k => k, StringComparer.Ordinal)) + "}", "{" + string.Join(", ", only) + "}"));
            }
        }
    }

    /// <summary>A key with a value that is not null, as the pre-flight counts it.</summary>
    private static bool Has(JsonElement owner, string key) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(key, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    private static JsonElement Member(JsonElement owner, string key) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(key, out JsonElement value) ? value : default;

    private static string? Text(JsonElement owner, string key) =>
        Member(owner, key) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

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

        CheckRequirements(@event, userData, location, facts, report);

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
