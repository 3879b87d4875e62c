using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using CapiKit.Generators.Analysis.Rules;
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
                if (@event.Find(field) is { } entry && facts.ForbiddenFieldMessage(actionSource) is { } message)
                {
                    report(Diagnostic.Create(message, entry.Value.Syntax.GetLocation(), field, actionSource));
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
            report(Diagnostic.Create(CAPI009ConstantEventId.Constant, eventId.Value.Syntax.GetLocation()));
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
            report(Diagnostic.Create(CAPI010TooManyEvents.TooMany, data.Value.Syntax.GetLocation(), count, facts.MaxEvents));
        }

        if (request.Find("test_event_code") is { } test && ValueInspection.IsNonEmptyConstant(test.Value))
        {
            report(Diagnostic.Create(CAPI011TestEventCodeInCode.Literal, test.Value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.ReadFromConfiguration)));
        }
    }

    private static PayloadContainer? Child(PayloadContainer parent, string key, PayloadGraph graph) =>
        parent.Find(key) is { } entry ? graph.Resolve(entry.Value, 0).FirstOrDefault() : null;

    private static void CheckRequirements(
        PayloadContainer @event, string actionSource, (string Object, string Field)[] required, PayloadContainer? userData, PayloadGraph graph, PayloadFacts facts, Action<Diagnostic> report)
    {
        bool CanCheck(string objectName) => objectName == "server_event" || (objectName == "user_data" && userData is not null);
        bool Has(string objectName, string field) => objectName == "server_event" ? @event.Find(field) is not null || @event.DeclaresJsonName(field) : userData!.Find(field) is not null || userData.DeclaresJsonName(field);

        string[] missing = required.Where(r => r.Object is "server_event" or "user_data" && CanCheck(r.Object) && !Has(r.Object, r.Field)).Select(r => r.Field).ToArray();
        if (missing.Length > 0 && facts.MissingFieldsMessage(actionSource) is { } message)
        {
            report(Diagnostic.Create(message, @event.Location, actionSource, string.Join(" and no ", missing)));
        }

        // Fields required inside app_data, and extinfo's length, whenever the action source requires app_data.
        if (required.Any(r => r.Object == "app_data") && Child(@event, "app_data", graph) is { } appData)
        {
            string[] missingApp = required.Where(r => r.Object == "app_data" && appData.Find(r.Field) is null && !appData.DeclaresJsonName(r.Field)).Select(r => r.Field).ToArray();
            if (missingApp.Length > 0)
            {
                report(Diagnostic.Create(CAPI014AppDataMismatch.MissingAppDataFields, appData.Location, string.Join(" and no ", missingApp)));
            }

            if (appData.Find("extinfo") is { } extinfo && ValueInspection.Count(extinfo.Value) is int slots && slots != facts.ExtinfoLength)
            {
                report(Diagnostic.Create(CAPI014AppDataMismatch.ExtinfoLength, extinfo.Value.Syntax.GetLocation(), slots, facts.ExtinfoLength));
            }
        }
    }

    private static void CheckEventName(PayloadEntry entry, string name, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (facts.NearMissOf(name) is string standard)
        {
            report(Diagnostic.Create(CAPI008NearMissEventName.NearMiss, entry.Value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseStandardName).Add(FixKinds.Value, standard),
                name, standard));
        }
    }

    private static void CheckRequiredCustomData(PayloadContainer @event, string eventName, string[] keys, PayloadContainer? customData, Action<Diagnostic> report)
    {
        string[] missing = keys.Where(k => customData is null || (customData.Find(k) is null && !customData.DeclaresJsonName(k))).ToArray();
        if (missing.Length > 0 && !(customData is null && @event.DeclaresJsonName("custom_data")))
        {
            report(Diagnostic.Create(CAPI006PurchaseIncomplete.MissingCustomData, @event.Location, eventName, string.Join(" and no ", missing)));
        }
    }

    public static void ReportCurrency(IOperation value, string code, Action<Diagnostic> report)
    {
        ImmutableDictionary<string, string?> properties = Iso4217.Suggest(code) is string suggestion
            ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseCurrencyCode).Add(FixKinds.Value, suggestion)
            : ImmutableDictionary<string, string?>.Empty;
        string hint = properties.TryGetValue(FixKinds.Value, out string? code2) ? $"; did you mean {code2}?" : "";
        report(Diagnostic.Create(CAPI006PurchaseIncomplete.NotIso4217, value.Syntax.GetLocation(), properties, code, hint));
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
        // An object written whole (anonymous, initialized dictionary) with no customer key sends none; a DTO or an
        // object filled later may get its keys elsewhere.
        if (keys.Count == 0 && userData.Style != ContainerStyle.Other && userData.Entries.All(e => facts.IsUserDataKey(e.Key)))
        {
            report(Diagnostic.Create(CAPI013InvalidOnlyCustomerInformation.NoCustomerInformation, userData.Location));
        }
        else if (keys.Count > 0 && facts.InvalidOnlyCombinations.FirstOrDefault(combination => keys.IsSubsetOf(combination)) is { } only)
        {
            report(Diagnostic.Create(CAPI013InvalidOnlyCustomerInformation.OnlyInvalidCombination, userData.Location,
                "{" + string.Join(", ", keys.OrderBy(k => k, StringComparer.Ordinal)) + "}", "{" + string.Join(", ", only) + "}"));
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
        report(Diagnostic.Create(CAPI007RawKeyModified.Modified, modification.Syntax.GetLocation(), properties,
            key, what, key == "fbc" ? "; fbc and its fbclid are case-sensitive" : ""));
    }
}
