using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI005 to CAPI014 on hand-built payloads, one method per rule, each given an event object (an object with a
/// <c>user_data</c> key) or a request object (one with <c>data</c>).
/// </summary>
internal static class PayloadEventChecks
{
    public static void CheckEvent(PayloadContainer @event, PayloadGraph graph, PayloadFacts facts, Action<Diagnostic> report)
    {
        string? actionSource = ValueInspection.ConstantString(@event.Find("action_source")?.Value);
        string? eventName = ValueInspection.ConstantString(@event.Find("event_name")?.Value);
        PayloadContainer? userData = Child(@event, "user_data", graph);
        PayloadContainer? customData = Child(@event, "custom_data", graph);

        if (actionSource is not null && facts.Requirements.TryGetValue(actionSource, out var required))
        {
            CheckRequirements(@event, actionSource, required, userData, graph, facts, report);
        }

        if (actionSource is not null && facts.Forbidden.TryGetValue(actionSource, out var forbidden))
        {
            foreach ((string objectName, string field) in forbidden.Where(f => f.Object == "server_event"))
            {
                if (@event.Find(field) is { } entry)
                {
                    report(Diagnostic.Create(Descriptors.AppDataMismatch, entry.Value.Syntax.GetLocation(),
                        $"{field} is only for app events; Meta rejects it on a {actionSource} event (\"Unexpected key advertiser_tracking_enabled\")"));
                }
            }
        }

        if (eventName is not null)
        {
            CheckEventName(@event.Find("event_name")!, eventName, facts, report);
            if (facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys))
            {
                CheckRequiredCustomData(@event, eventName, keys, customData, report);
            }
        }

        if (customData?.Find("currency") is { } currency && ValueInspection.ConstantString(currency.Value) is string code && !Iso4217.IsCode(code))
        {
            ReportCurrency(currency.Value, code, report);
        }

        if (@event.Find("event_id") is { } eventId && ValueInspection.IsNonEmptyConstant(eventId.Value))
        {
            report(Diagnostic.Create(Descriptors.ConstantEventId, eventId.Value.Syntax.GetLocation(),
                "event_id is the same for every event; Meta deduplicates on it and drops all but the first (\"Same Event ID Received for Many Event Instances\"): use the order or request id"));
        }

        if (userData is not null)
        {
            CheckUserData(userData, facts, report);
        }
    }

    public static void CheckRequest(PayloadContainer request, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (request.Find("data") is { } data && ValueInspection.Count(data.Value) is int count && count > facts.MaxEvents)
        {
            report(Diagnostic.Create(Descriptors.TooManyEvents, data.Value.Syntax.GetLocation(),
                $"this request holds {count} events; Meta accepts at most {facts.MaxEvents} and rejects the whole request otherwise"));
        }

        if (request.Find("test_event_code") is { } test && ValueInspection.IsNonEmptyConstant(test.Value))
        {
            report(Diagnostic.Create(Descriptors.TestEventCodeInCode, test.Value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.ReadFromConfiguration),
                "test_event_code is written in code; it will ship to production, where test events still count: read it from configuration"));
        }
    }

    private static PayloadContainer? Child(PayloadContainer parent, string key, PayloadGraph graph) =>
        parent.Find(key) is { } entry ? graph.Resolve(entry.Value, 0).FirstOrDefault() : null;

    private static void CheckRequirements(
        PayloadContainer @event, string actionSource, (string Object, string Field)[] required, PayloadContainer? userData, PayloadGraph graph, PayloadFacts facts, Action<Diagnostic> report)
    {
        DiagnosticDescriptor descriptor = actionSource == "app" ? Descriptors.AppDataMismatch : Descriptors.WebsiteEventIncomplete;
        bool CanCheck(string objectName) => objectName == "server_event" || (objectName == "user_data" && userData is not null);
        bool Has(string objectName, string field) => objectName == "server_event" ? @event.Find(field) is not null || @event.DeclaresJsonName(field) : userData!.Find(field) is not null || userData.DeclaresJsonName(field);

        string[] missing = required.Where(r => r.Object is "server_event" or "user_data" && CanCheck(r.Object) && !Has(r.Object, r.Field)).Select(r => r.Field).ToArray();
        if (actionSource is "website" or "app" && missing.Length > 0)
        {
            string why = actionSource == "website"
                ? "Meta needs both on website events to match the visitor and attribute the event"
                : "Meta needs app_data with advertiser_tracking_enabled and extinfo on app events";
            report(Diagnostic.Create(descriptor, @event.Location, $"this {actionSource} event has no {string.Join(" and no ", missing)}; {why}"));
        }

        if (actionSource == "app" && Child(@event, "app_data", graph) is { } appData)
        {
            string[] missingApp = required.Where(r => r.Object == "app_data" && appData.Find(r.Field) is null && !appData.DeclaresJsonName(r.Field)).Select(r => r.Field).ToArray();
            if (missingApp.Length > 0)
            {
                report(Diagnostic.Create(Descriptors.AppDataMismatch, appData.Location, $"app_data has no {string.Join(" and no ", missingApp)}; Meta requires them on app events"));
            }

            if (appData.Find("extinfo") is { } extinfo && ValueInspection.Count(extinfo.Value) is int slots && slots != facts.ExtinfoLength)
            {
                report(Diagnostic.Create(Descriptors.AppDataMismatch, extinfo.Value.Syntax.GetLocation(), $"extinfo has {slots} slots; Meta reads exactly {facts.ExtinfoLength}, empty strings for unknown ones"));
            }
        }
    }

    private static void CheckEventName(PayloadEntry entry, string name, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (facts.NearMissOf(name) is string standard)
        {
            report(Diagnostic.Create(Descriptors.NearMissEventName, entry.Value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseStandardName).Add(FixKinds.Value, standard),
                $"'{name}' is not the standard event '{standard}'; Meta will count it as a custom event"));
        }
    }

    private static void CheckRequiredCustomData(PayloadContainer @event, string eventName, string[] keys, PayloadContainer? customData, Action<Diagnostic> report)
    {
        string[] missing = keys.Where(k => customData is null || (customData.Find(k) is null && !customData.DeclaresJsonName(k))).ToArray();
        if (missing.Length > 0 && !(customData is null && @event.DeclaresJsonName("custom_data")))
        {
            report(Diagnostic.Create(Descriptors.PurchaseIncomplete, @event.Location,
                $"this {eventName} has no custom_data {string.Join(" and no ", missing)}; Meta rejects a {eventName} without them"));
        }
    }

    public static void ReportCurrency(IOperation value, string code, Action<Diagnostic> report)
    {
        ImmutableDictionary<string, string?> properties = Iso4217.Suggest(code) is string suggestion
            ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseCurrencyCode).Add(FixKinds.Value, suggestion)
            : ImmutableDictionary<string, string?>.Empty;
        string hint = properties.TryGetValue(FixKinds.Value, out string? code2) ? $"; did you mean {code2}?" : "";
        report(Diagnostic.Create(Descriptors.PurchaseIncomplete, value.Syntax.GetLocation(), properties, $"'{code}' is not an ISO 4217 currency code{hint}"));
    }

    private static void CheckUserData(PayloadContainer userData, PayloadFacts facts, Action<Diagnostic> report)
    {
        foreach (PayloadEntry entry in userData.Entries.Where(e => facts.RawKeys.Contains(e.Key)))
        {
            if (ValueInspection.Modification(entry.Value) is { } modification)
            {
                ReportModified(entry.Key, modification, report);
            }
        }

        HashSet<string> keys = new(userData.Entries.Where(e => e.Value.ConstantValue is not { HasValue: true, Value: null }).Select(e => e.Key).Where(facts.IsUserDataKey), StringComparer.Ordinal);
        if (keys.Count > 0 && facts.InvalidOnlyCombinations.FirstOrDefault(combination => keys.IsSubsetOf(combination)) is { } only)
        {
            report(Diagnostic.Create(Descriptors.InvalidOnlyCustomerInformation, userData.Location,
                $"customer information is only {{{string.Join(", ", keys.OrderBy(k => k, StringComparer.Ordinal))}}}, within {{{string.Join(", ", only)}}}, which Meta treats as invalid; add em, ph, external_id, fbp or the client IP"));
        }
    }

    public static void ReportModified(string key, IInvocationOperation modification, Action<Diagnostic> report)
    {
        bool removable = modification.Instance is not null && modification.Arguments.Length == 0
            || modification.Instance is null && modification.Arguments.Length == 1;
        ImmutableDictionary<string, string?> properties = removable
            ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.RemoveCall)
            : ImmutableDictionary<string, string?>.Empty;
        string what = modification.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String ? $"{modification.TargetMethod.Name}()" : "hashing";
        report(Diagnostic.Create(Descriptors.RawKeyModified, modification.Syntax.GetLocation(), properties,
            $"{key} must reach Meta exactly as received, but {what} changes it{(key == "fbc" ? "; fbc and its fbclid are case-sensitive" : "")}"));
    }
}
