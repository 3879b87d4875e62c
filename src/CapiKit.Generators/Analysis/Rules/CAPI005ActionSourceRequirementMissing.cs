using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI005: Event lacks a field its action source requires. Meta requires some fields for some action sources (event_source_url and client_user_agent on website events, messaging_channel on business_messaging events) and cannot match or attribute the events without them.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI005]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI005ActionSourceRequirementMissing
{
    public const string Id = "CAPI005";

    private const string Title = "Event lacks a field its action source requires";

    private const string Description = "Meta requires some fields for some action sources (event_source_url and client_user_agent on website events, messaging_channel on business_messaging events) and cannot match or attribute the events without them.";

    /// <summary>this {actionSource} event has no {missing}; Meta requires them on {actionSource} events</summary>
    public static readonly DiagnosticDescriptor MissingFields = RuleDescriptor.Create(Id, Title, "this {0} event has no {1}; Meta requires them on {0} events", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>'{type}' is a {actionSource} event but maps no {missing}; Meta requires them on {actionSource} events</summary>
    public static readonly DiagnosticDescriptor EventClassMapsNoField = RuleDescriptor.Create(Id, Title, "'{0}' is a {1} event but maps no {2}; Meta requires them on {1} events", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(MissingFields, EventClassMapsNoField);

    /// <summary>
    /// The event and user_data fields the event's action source requires, through the rule the schema names for
    /// that action source (this one, or CAPI014 for app events). Fields inside app_data are CAPI014's.
    /// </summary>
    /// <remarks>
    /// An action source chosen at run time (<c>ActionSource = ToWire(channel)</c>, a <c>switch</c> over a channel) is
    /// checked for each constant that can reach it: the event is wrong on the branch that makes it a website event.
    /// </remarks>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        if (@event.Find("action_source") is not { } value)
        {
            return;
        }

        IEnumerable<string> candidates = value.Text is { } text ? new[] { text } : value.Sources.Select(s => s.Text).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (string candidate in candidates)
        {
            if (Check(@event, candidate, context))
            {
                return;
            }
        }
    }

    private static bool Check(PayloadObject @event, string actionSource, RuleContext context)
    {
        if (!context.Facts.Requirements.TryGetValue(actionSource, out var required)
            || context.Facts.MissingFieldsMessage(actionSource) is not { } message)
        {
            return false;
        }

        PayloadObject? userData = @event.Child("user_data");
        string[] missing = required
            .Where(r => r.Object == "server_event" ? !@event.MaySend(r.Field)
                : r.Object == "user_data" && (userData is not null ? !userData.MaySend(r.Field) : !@event.MaySend("user_data")))
            .Select(r => r.Field)
            .ToArray();
        if (missing.Length > 0)
        {
            context.Report(Diagnostic.Create(message, @event.Location, actionSource, string.Join(" and no ", missing)));
            return true;
        }

        return false;
    }

    /// <summary>
    /// A <c>[ConversionEvent]</c> class that maps none of some event or user_data fields its action source requires.
    /// Fields inside a required object (app_data's own) are that object's member's business.
    /// </summary>
    public static void CheckEventClass(EventClassPayload @class, RuleContext context)
    {
        if (@class.ActionSource is not { } actionSource
            || !context.Facts.Requirements.TryGetValue(actionSource, out var required)
            || context.Facts.EventClassMissingFieldsMessage(actionSource) is not { } message)
        {
            return;
        }

        string[] missing = required.Where(r => r.Object is "server_event" or "user_data" && !@class.Maps(r.Object, r.Field)).Select(r => r.Field).ToArray();
        if (missing.Length > 0)
        {
            context.Report(Diagnostic.Create(message, @class.Location, @class.TypeName, actionSource, string.Join(" and no ", missing)));
        }
    }
}
