using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI006: Purchase lacks value or currency, or the currency is not ISO 4217. Meta rejects a Purchase without value and an ISO 4217 currency.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI006]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI006PurchaseIncomplete
{
    public const string Id = "CAPI006";

    private const string Title = "Purchase lacks value or currency, or the currency is not ISO 4217";

    private const string Description = "Meta rejects a Purchase without value and an ISO 4217 currency.";

    /// <summary>this {eventName} has no custom_data {missing}; Meta rejects a {eventName} without them</summary>
    public static readonly DiagnosticDescriptor MissingCustomData = RuleDescriptor.Create(Id, Title, "this {0} has no custom_data {1}; Meta rejects a {0} without them", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{type}' is a {eventName} but maps no custom_data {missing}; Meta rejects a {eventName} without them</summary>
    public static readonly DiagnosticDescriptor EventClassMapsNoCustomData = RuleDescriptor.Create(Id, Title, "'{0}' is a {1} but maps no custom_data {2}; Meta rejects a {1} without them", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{code}' is not an ISO 4217 currency code{suggestion}</summary>
    public static readonly DiagnosticDescriptor NotIso4217 = RuleDescriptor.Create(Id, Title, "'{0}' is not an ISO 4217 currency code{1}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{expression}' may be null, and this {eventName} then has no custom_data {key}; Meta rejects a {eventName} without it</summary>
    public static readonly DiagnosticDescriptor MayBeNull = RuleDescriptor.Create(Id, Title, "'{0}' may be null, and this {1} then has no custom_data {2}; Meta rejects a {1} without it", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(MissingCustomData, EventClassMapsNoCustomData, NotIso4217, MayBeNull);

    /// <summary>The custom_data keys the event requires, and a currency that is not one of the schema's ISO 4217 codes.</summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        PayloadObject? customData = @event.Child("custom_data");
        if (@event.Find("event_name")?.Text is { } eventName && context.Facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys)
            // custom_data sent from somewhere the model cannot follow, or a DTO's property set elsewhere: not known to lack them.
            && (customData is not null || !@event.MaySend("custom_data")))
        {
            string[] missing = keys.Where(k => customData?.MaySend(k) != true).ToArray();
            if (missing.Length > 0)
            {
                context.Report(Diagnostic.Create(MissingCustomData, @event.Location, eventName, string.Join(" and no ", missing)));
            }

            // Presence is what is sent: a nullable read never checked may send null, which is no value.
            foreach (string key in keys.Except(missing))
            {
                if (customData?.Find(key) is { MayBeNull: true } maybe)
                {
                    context.Report(Diagnostic.Create(MayBeNull, maybe.Location, maybe.Location.SourceTree?.GetText().ToString(maybe.Location.SourceSpan), eventName, key));
                }
            }
        }

        if (customData?.Find("currency") is { Text: { } code } currency && !Iso4217.IsCode(code))
        {
            ReportCurrency(currency.Location, code, withFix: currency.Operation is not null, context.Report);
        }
    }

    /// <summary>A currency that is not an ISO 4217 code, with the code it most likely meant.</summary>
    public static void ReportCurrency(Location location, string code, bool withFix, System.Action<Diagnostic> report)
    {
        string? suggestion = Iso4217.Suggest(code);
        ImmutableDictionary<string, string?> properties = withFix && suggestion is not null
            ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseCurrencyCode).Add(FixKinds.Value, suggestion)
            : ImmutableDictionary<string, string?>.Empty;
        report(Diagnostic.Create(NotIso4217, location, properties, code, suggestion is null ? "" : $"; did you mean {suggestion}?"));
    }

    /// <summary>A <c>[ConversionEvent]</c> class that maps none of some custom_data keys its event requires.</summary>
    public static void CheckEventClass(EventClassPayload @class, RuleContext context)
    {
        if (@class.EventName is { } eventName && context.Facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys)
            && keys.Where(k => !@class.Maps("custom_data", k)).ToArray() is { Length: > 0 } missing)
        {
            context.Report(Diagnostic.Create(EventClassMapsNoCustomData, @class.Location, @class.TypeName, eventName, string.Join(" and no ", missing)));
        }
    }

    /// <summary>A constant currency given to <c>EventDefinition.Purchase(...)</c> and alike, or to <c>CustomData.SetCurrency</c>.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        IMethodSymbol method = invocation.TargetMethod;
        bool setCurrency = method.Name == "SetCurrency" && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.CustomData);
        if (!setCurrency && !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.EventDefinition))
        {
            return;
        }

        IOperation? currency = Argument(invocation, "currency") ?? (setCurrency ? Argument(invocation, "value") : null);
        if (currency is not null && ValueInspection.ConstantString(currency) is string code && !IsCodeOnceTrimmed(code))
        {
            ReportCurrency(currency.Syntax.GetLocation(), code, withFix: true, context.Report);
        }
    }

    /// <summary>A constant currency written to a member mapped with <c>[CustomData(CustomDataField.Currency)]</c>.</summary>
    public static void CheckMemberWrite(ISymbol member, IOperation value, RuleContext context)
    {
        if (ValueInspection.IsNonEmptyConstant(value) && IsCurrencyMember(member, context.Facts) && ValueInspection.ConstantString(value) is string code && !IsCodeOnceTrimmed(code))
        {
            ReportCurrency(value.Syntax.GetLocation(), code, withFix: true, context.Report);
        }
    }

    /// <summary>The builders and generated classes trim a currency (and upper-case it) before sending it; <see cref="Iso4217.IsCode"/> reads any case.</summary>
    private static bool IsCodeOnceTrimmed(string code) => Iso4217.IsCode(code.Trim());

    private static bool IsCurrencyMember(ISymbol member, PayloadFacts facts)
    {
        string[] keys = facts.Schema.Object("custom_data").Fields.Select(f => f.Name).ToArray();
        return member.GetAttributes().Any(a => a.AttributeClass?.Name == "CustomDataAttribute"
            && a.ConstructorArguments.FirstOrDefault().Value is int value
            && Generation.SchemaEnums.Index(value, keys.Length) is int index
            && keys[index] == "currency");
    }

    private static IOperation? Argument(IInvocationOperation invocation, string name) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name)?.Value;
}
