using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// The parts of the API whose shape enforces Meta's requirements: <c>EventDefinition</c> (a Purchase cannot be
/// named without its value and currency), <c>ServerEvent.For…</c> factories (a website event cannot be created
/// without its URL and user agent), <c>ExtInfo</c> (16 named slots) and the <c>CapiSchema</c> constants.
/// </summary>
internal static class EventApiEmitter
{
    public static string EmitEventDefinitions(SchemaModel schema)
    {
        List<FieldShape> customData = schema.Object("custom_data").Fields.Select(f => FieldShape.For(f, false)).ToList();
        SourceWriter writer = Emit.File();
        writer.WriteLine("public readonly partial struct EventDefinition");
        writer.OpenBrace();
        bool first = true;
        foreach (EventSpec spec in schema.StandardEvents)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            if (spec.RequiredCustomData.Count == 0)
            {
                writer.WriteLine($"/// <summary><c>{spec.Name}</c>: {Naming.Xml(spec.Description)}</summary>");
                writer.WriteLine($"public static global::CapiKit.EventDefinition {spec.Name} => new({Naming.Literal(spec.Name)}, null);");
                continue;
            }

            List<FieldShape> required = spec.RequiredCustomData.Select(key => customData.Single(f => f.Name == key)).ToList();
            writer.WriteLine($"/// <summary><c>{spec.Name}</c>: {Naming.Xml(spec.Description)} Meta requires {string.Join(" and ", required.Select(f => $"<c>{f.Name}</c>"))}.</summary>");
            foreach (FieldShape field in required)
            {
                writer.WriteLine($"/// <param name=\"{field.Parameter.TrimStart('@')}\">{Naming.Xml(field.Spec.Description)}</param>");
            }

            writer.WriteLine($"public static global::CapiKit.EventDefinition {spec.Name}({string.Join(", ", required.Select(f => $"{f.ClrType} {f.Parameter}"))}) =>");
            writer.WriteLine($"    new({Naming.Literal(spec.Name)}, new global::CapiKit.CustomData(){string.Join("", required.Select(f => $".Set{f.Property}({f.Parameter})"))});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The standard event this definition names, or null for a custom event.</summary>");
        writer.WriteLine("public global::CapiKit.StandardEvent? StandardEvent => Name switch");
        writer.OpenBrace();
        foreach (EventSpec spec in schema.StandardEvents)
        {
            writer.WriteLine($"{Naming.Literal(spec.Name)} => global::CapiKit.StandardEvent.{spec.Name},");
        }

        writer.WriteLine("_ => null,");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The custom_data keys Meta requires for a standard event; empty for the others.</summary>");
        writer.WriteLine("internal static string[] RequiredCustomDataKeys(string eventName) => eventName switch");
        writer.OpenBrace();
        foreach (EventSpec spec in schema.StandardEvents.Where(e => e.RequiredCustomData.Count > 0))
        {
            writer.WriteLine($"{Naming.Literal(spec.Name)} => new[] {{ {string.Join(", ", spec.RequiredCustomData.Select(Naming.Literal))} }},");
        }

        writer.WriteLine("_ => global::System.Array.Empty<string>(),");
        writer.CloseBrace(";");
        writer.CloseBrace();
        return writer.ToString();
    }

    public static string EmitServerEventFactories(SchemaModel schema)
    {
        ObjectSpec serverEvent = schema.Object("server_event");
        ObjectSpec userData = schema.Object("user_data");
        SourceWriter writer = Emit.File();
        writer.WriteLine("public sealed partial class ServerEvent");
        writer.OpenBrace();
        bool first = true;
        foreach (ActionSourceSpec source in schema.ActionSources)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            string member = Naming.Pascal(source.Value);
            List<(FieldShape Field, string Owner)> required = source.Requires
                .Where(p => p.Object is "server_event" or "user_data")
                .Select(p => (FieldShape.For((p.Object == "user_data" ? userData : serverEvent).Fields.Single(f => f.Name == p.Field), p.Object == "user_data"), p.Object))
                .ToList();

            string needs = required.Count == 0 ? "" : $" Meta requires {string.Join(" and ", required.Select(r => $"<c>{r.Field.Name}</c>"))} for it.";
            writer.WriteLine($"/// <summary>An event with <c>action_source</c> <c>{source.Value}</c>: {Naming.Xml(source.Description)}{needs}</summary>");
            writer.WriteLine("/// <param name=\"eventDefinition\">The event, with the custom_data Meta requires for it.</param>");
            writer.WriteLine("/// <param name=\"eventTime\">When the action happened.</param>");
            foreach ((FieldShape field, _) in required)
            {
                writer.WriteLine($"/// <param name=\"{field.Parameter.TrimStart('@')}\">{Naming.Xml(field.Spec.Description)}</param>");
            }

            writer.WriteLine("/// <param name=\"userData\">Customer information to start from (for example with a default phone region); a new one when null.</param>");
            string parameters = string.Concat(required.Select(r => $", {r.Field.ClrType} {r.Field.Parameter}"));
            writer.WriteLine($"public static global::CapiKit.ServerEvent For{member}(global::CapiKit.EventDefinition eventDefinition, global::System.DateTimeOffset eventTime{parameters}, global::CapiKit.UserData? userData = null)");
            writer.OpenBrace();
            foreach ((FieldShape field, _) in required.Where(r => !r.Field.IsValueType))
            {
                writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({field.Parameter});");
            }

            writer.WriteLine($"var created = FromDefinition(eventDefinition, eventTime, global::CapiKit.ActionSource.{member}, userData);");
            foreach ((FieldShape field, string owner) in required)
            {
                string target = owner == "user_data" ? "created.UserData" : "created";
                writer.WriteLine($"{target}.Set{field.Property}({field.Parameter});");
            }

            writer.WriteLine("return created;");
            writer.CloseBrace();
        }

        writer.CloseBrace();
        return writer.ToString();
    }

    public static string EmitExtInfo(SchemaModel schema)
    {
        EquatableArray<ExtinfoSlotSpec> slots = schema.Object("app_data").ExtinfoSlots;
        List<ExtinfoSlotSpec> required = slots.Where(s => s.Required).ToList();
        SourceWriter writer = Emit.File();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// <c>app_data.extinfo</c>: device information Meta reads as an array of exactly {Naming.Number(slots.Count)} strings in a fixed order.");
        writer.WriteLine("/// Each slot is a named property here; unset slots are written as empty strings, as Meta asks.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine("public sealed partial class ExtInfo");
        writer.OpenBrace();
        writer.WriteLine($"/// <summary>The number of slots, {Naming.Number(slots.Count)}.</summary>");
        writer.WriteLine($"public const int Length = {Naming.Number(slots.Count)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates device information with the slots Meta requires.</summary>");
        foreach (ExtinfoSlotSpec slot in required)
        {
            writer.WriteLine($"/// <param name=\"{Naming.Camel(slot.Name)}\">{Naming.Xml(slot.Description)}</param>");
        }

        writer.WriteLine($"public ExtInfo({string.Join(", ", required.Select(s => $"string {Naming.Camel(s.Name)}"))})");
        writer.OpenBrace();
        foreach (ExtinfoSlotSpec slot in required)
        {
            writer.WriteLine($"global::System.ArgumentException.ThrowIfNullOrWhiteSpace({Naming.Camel(slot.Name)});");
            writer.WriteLine($"{Naming.Pascal(slot.Name)} = {Naming.Camel(slot.Name)};");
        }

        writer.CloseBrace();
        foreach (ExtinfoSlotSpec slot in slots)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Slot {Naming.Number(slot.Index)}: {Naming.Xml(slot.Description)}</summary>");
            writer.WriteLine($"public string {Naming.Pascal(slot.Name)} {{ get; set; }} = \"\";");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The slots in Meta's order.</summary>");
        writer.WriteLine("public string[] ToArray() =>");
        writer.WriteLine("[");
        writer.Indent();
        foreach (ExtinfoSlotSpec slot in slots)
        {
            writer.WriteLine($"{Naming.Pascal(slot.Name)},");
        }

        writer.Unindent();
        writer.WriteLine("];");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes the slots as a JSON array of strings.</summary>");
        writer.WriteLine("public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)");
        writer.OpenBrace();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.WriteLine("writer.WriteStartArray();");
        foreach (ExtinfoSlotSpec slot in slots)
        {
            writer.WriteLine($"writer.WriteStringValue({Naming.Pascal(slot.Name)} ?? \"\");");
        }

        writer.WriteLine("writer.WriteEndArray();");
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.ToString();
    }

    public static string EmitSchemaConstants(SchemaModel schema)
    {
        SourceWriter writer = Emit.File();
        writer.WriteLine("/// <summary>Limits and windows of Meta's Conversions API, from CapiKit's parameter schema.</summary>");
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine("public static partial class CapiSchema");
        writer.OpenBrace();
        writer.WriteLine("/// <summary>The Graph API version the schema describes and CapiKit sends to by default.</summary>");
        writer.WriteLine($"public const string GraphApiVersion = {Naming.Literal(schema.GraphApiVersion)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The most events Meta accepts in one request.</summary>");
        writer.WriteLine($"public const int MaxEventsPerRequest = {Naming.Number(schema.MaxEvents)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>How old an <c>event_time</c> may be, in days, for most action sources.</summary>");
        writer.WriteLine($"public const int MaxEventAgeDays = {Naming.Number(schema.EventTime.MaxAgeDays)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>How far in the future an <c>event_time</c> may lie, in seconds (clock skew).</summary>");
        writer.WriteLine($"public const int MaxFutureSeconds = {Naming.Number(schema.EventTime.MaxFutureSeconds)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>How old an <c>event_time</c> may be, in days, for an action source.</summary>");
        writer.WriteLine("public static int MaxAgeDays(global::CapiKit.ActionSource actionSource) => actionSource switch");
        writer.OpenBrace();
        foreach (ActionSourceSpec source in schema.ActionSources.Where(a => a.MaxAgeDays is not null))
        {
            writer.WriteLine($"global::CapiKit.ActionSource.{Naming.Pascal(source.Value)} => {Naming.Number(source.MaxAgeDays!.Value)},");
        }

        writer.WriteLine("_ => MaxEventAgeDays,");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The fields an action source requires, as <c>object.field</c> paths (<c>server_event.event_source_url</c>).</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> RequiredFields(global::CapiKit.ActionSource actionSource) => actionSource switch");
        writer.OpenBrace();
        foreach (ActionSourceSpec source in schema.ActionSources.Where(a => a.Requires.Count > 0))
        {
            writer.WriteLine($"global::CapiKit.ActionSource.{Naming.Pascal(source.Value)} => new[] {{ {string.Join(", ", source.Requires.Select(p => Naming.Literal(p.Object + "." + p.Field)))} }},");
        }

        writer.WriteLine("_ => global::System.Array.Empty<string>(),");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The fields an action source forbids, as <c>object.field</c> paths.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<string> ForbiddenFields(global::CapiKit.ActionSource actionSource) => actionSource switch");
        writer.OpenBrace();
        foreach (ActionSourceSpec source in schema.ActionSources.Where(a => a.Forbids.Count > 0))
        {
            writer.WriteLine($"global::CapiKit.ActionSource.{Naming.Pascal(source.Value)} => new[] {{ {string.Join(", ", source.Forbids.Select(p => Naming.Literal(p.Object + "." + p.Field)))} }},");
        }

        writer.WriteLine("_ => global::System.Array.Empty<string>(),");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets of customer-information keys Meta treats as invalid when an event has nothing else.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> InvalidOnlyCombinations { get; } = new string[][]");
        writer.OpenBrace();
        foreach (EquatableArray<string> combination in schema.Object("user_data").InvalidOnlyCombinations)
        {
            writer.WriteLine($"new[] {{ {string.Join(", ", combination.Select(Naming.Literal))} }},");
        }

        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The number of <c>extinfo</c> slots, {Naming.Number(schema.Object("app_data").ExtinfoSlots.Count)}.</summary>");
        writer.WriteLine($"public const int ExtinfoLength = {Naming.Number(schema.Object("app_data").ExtinfoSlots.Count)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether the Meta Pixel knows this event name as one of its standard events (<c>fbq('track', ...)</c>); others go through <c>fbq('trackCustom', ...)</c>.</summary>");
        writer.WriteLine("public static bool IsPixelStandardEvent(string eventName) => eventName switch");
        writer.OpenBrace();
        foreach (EventSpec standard in schema.StandardEvents.Where(e => e.Channels.Contains("pixel")))
        {
            writer.WriteLine($"{Naming.Literal(standard.Name)} => true,");
        }

        writer.WriteLine("_ => false,");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether a request Meta failed with this Graph error code may be retried (after backing off for throttling codes).</summary>");
        writer.WriteLine("public static bool IsRetryable(int code) => code switch");
        writer.OpenBrace();
        foreach (ErrorSpec error in schema.Errors.Where(e => e.Retry != "never" && e.Subcode is null))
        {
            writer.WriteLine(error.Code == error.CodeTo ? $"{Naming.Number(error.Code)} => true," : $">= {Naming.Number(error.Code)} and <= {Naming.Number(error.CodeTo)} => true,");
        }

        writer.WriteLine("_ => false,");
        writer.CloseBrace(";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The CAPI diagnostic that catches, at compile time, what Meta reports with this code and subcode; null when none does.</summary>");
        writer.WriteLine("public static string? DiagnosticFor(int code, int? subcode) => (code, subcode) switch");
        writer.OpenBrace();
        foreach (ErrorSpec error in schema.Errors.Where(e => e.Diagnostic is not null && e.Subcode is not null))
        {
            writer.WriteLine($"({Naming.Number(error.Code)}, {Naming.Number(error.Subcode!.Value)}) => {Naming.Literal(error.Diagnostic!)},");
        }

        writer.WriteLine("_ => null,");
        writer.CloseBrace(";");
        writer.CloseBrace();
        return writer.ToString();
    }
}
