using Microsoft.CodeAnalysis;

namespace CapiKit.Generators;

/// <summary>The generator's diagnostics: problems in what it reads. Usage rules live in the analyzers.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/capikit/capikit/blob/main/docs/diagnostics/";
    private const string UsageCategory = "CapiKit.Usage";

    public static readonly DiagnosticDescriptor UnhashedPii = Error(
        DiagnosticIds.UnhashedPii, UsageCategory, "Customer information is not hashed",
        "{0}", "Meta rejects the whole request when a user_data key it wants hashed (em, ph, fn, ln, db, ge, ct, st, zp, country) carries a raw value, and personal data does not belong in custom_data.");

    public static readonly DiagnosticDescriptor MissingActionSource = Error(
        DiagnosticIds.MissingActionSource, UsageCategory, "Event has no action_source",
        "{0}", "Meta requires action_source on every event and rejects the whole request without it.");

    public static readonly DiagnosticDescriptor EventTimeOutsideWindow = Error(
        DiagnosticIds.EventTimeOutsideWindow, UsageCategory, "event_time is outside Meta's window",
        "{0}", "Meta rejects the whole request when an event_time is more than 7 days old (62 for physical_store) and treats future times as errors.");

    public static readonly DiagnosticDescriptor EventTimeNotSeconds = Error(
        DiagnosticIds.EventTimeNotSeconds, UsageCategory, "event_time is not in Unix seconds",
        "{0}", "event_time is Unix seconds in UTC; milliseconds, ticks and local times put the event decades away or hours off.");

    public static readonly DiagnosticDescriptor WebsiteEventIncomplete = Rule(
        DiagnosticIds.WebsiteEventIncomplete, DiagnosticSeverity.Warning, "Website event lacks event_source_url or client_user_agent",
        "Meta requires event_source_url and client_user_agent on website events and cannot match or attribute them without.");

    public static readonly DiagnosticDescriptor PurchaseIncomplete = Rule(
        DiagnosticIds.PurchaseIncomplete, DiagnosticSeverity.Error, "Purchase lacks value or currency, or the currency is not ISO 4217",
        "Meta rejects a Purchase without value and an ISO 4217 currency.");

    public static readonly DiagnosticDescriptor RawKeyModified = Rule(
        DiagnosticIds.RawKeyModified, DiagnosticSeverity.Warning, "A value Meta wants raw is hashed or case-changed",
        "client_ip_address, client_user_agent, fbc, fbp, madid, anon_id, lead_id and the other never-hash keys must be sent exactly as received; fbc is case-sensitive.");

    public static readonly DiagnosticDescriptor NearMissEventName = Rule(
        DiagnosticIds.NearMissEventName, DiagnosticSeverity.Warning, "Event name is a near miss of a standard event",
        "Standard event names are case-sensitive; a near miss counts as a custom event and is not optimized or reported as the standard one.");

    public static readonly DiagnosticDescriptor ConstantEventId = Rule(
        DiagnosticIds.ConstantEventId, DiagnosticSeverity.Warning, "event_id is a constant",
        "Meta deduplicates events by event_id; one id for every event makes Meta drop all but the first (\"Same Event ID Received for Many Event Instances\").");

    public static readonly DiagnosticDescriptor TooManyEvents = Rule(
        DiagnosticIds.TooManyEvents, DiagnosticSeverity.Error, "More than 1,000 events in one request",
        "Meta accepts at most 1,000 events per request and rejects larger ones whole.");

    public static readonly DiagnosticDescriptor TestEventCodeInCode = Rule(
        DiagnosticIds.TestEventCodeInCode, DiagnosticSeverity.Warning, "test_event_code is a literal",
        "Events with a test_event_code are still processed, and a literal ships to production; read it from configuration.");

    public static readonly DiagnosticDescriptor SecretInSource = Rule(
        DiagnosticIds.SecretInSource, DiagnosticSeverity.Error, "Access token or app secret in source code",
        "A Conversions API access token or app secret in source ends up in version control and build artifacts; read it from a secret store.",
        category: "CapiKit.Security");

    public static readonly DiagnosticDescriptor InvalidOnlyCustomerInformation = Rule(
        DiagnosticIds.InvalidOnlyCustomerInformation, DiagnosticSeverity.Warning, "Customer information is only an invalid-only combination",
        "Since Graph API v13.0 Meta treats events whose customer information is only one of these sets as invalid: {ct, country, st, zp, ge, client_user_agent}, {db, client_user_agent}, {fn, ge}, {ln, ge}.");

    public static readonly DiagnosticDescriptor AppDataMismatch = Rule(
        DiagnosticIds.AppDataMismatch, DiagnosticSeverity.Error, "app_data does not fit the action source",
        "App events need app_data with advertiser_tracking_enabled and a 16-slot extinfo; other events must not carry app_data (\"Unexpected key advertiser_tracking_enabled\").");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.UnhashedPii => UnhashedPii,
        DiagnosticIds.MissingActionSource => MissingActionSource,
        DiagnosticIds.EventTimeOutsideWindow => EventTimeOutsideWindow,
        DiagnosticIds.EventTimeNotSeconds => EventTimeNotSeconds,
        DiagnosticIds.WebsiteEventIncomplete => WebsiteEventIncomplete,
        DiagnosticIds.PurchaseIncomplete => PurchaseIncomplete,
        DiagnosticIds.RawKeyModified => RawKeyModified,
        DiagnosticIds.NearMissEventName => NearMissEventName,
        DiagnosticIds.ConstantEventId => ConstantEventId,
        DiagnosticIds.TooManyEvents => TooManyEvents,
        DiagnosticIds.TestEventCodeInCode => TestEventCodeInCode,
        DiagnosticIds.SecretInSource => SecretInSource,
        DiagnosticIds.InvalidOnlyCustomerInformation => InvalidOnlyCustomerInformation,
        DiagnosticIds.AppDataMismatch => AppDataMismatch,
        DiagnosticIds.EventClassNotPartial => Analysis.Rules.CAPI110EventClassNotPartial.Descriptor,
        DiagnosticIds.MemberTypeNotMappable => Analysis.Rules.CAPI111MemberTypeNotMappable.Descriptor,
        DiagnosticIds.FieldMappedTwice => Analysis.Rules.CAPI112FieldMappedTwice.Descriptor,
        DiagnosticIds.UnknownCustomDataKey => Analysis.Rules.CAPI113UnknownCustomDataKey.Descriptor,
        DiagnosticIds.EventClassShapeNotSupported => Analysis.Rules.CAPI114EventClassShapeNotSupported.Descriptor,
        _ => ForSchemaProblem(id),
    };

    public static DiagnosticDescriptor ForSchemaProblem(string id) => id switch
    {
        DiagnosticIds.MalformedSchemaFile => Analysis.Rules.CAPI100MalformedSchemaFile.Descriptor,
        DiagnosticIds.SchemaNameConflict => Analysis.Rules.CAPI102SchemaNameConflict.Descriptor,
        _ => Analysis.Rules.CAPI101InvalidSchemaFile.Descriptor,
    };

    private static DiagnosticDescriptor Rule(string id, DiagnosticSeverity severity, string title, string description, string category = UsageCategory) => new(
        id, title, "{0}", category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, string? description = null) => new(
        id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
