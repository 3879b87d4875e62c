using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// The schema's enumerations as C# enums, plus the enums that name schema entries (<c>StandardEvent</c>,
/// <c>UserDataField</c>, <c>CustomDataField</c>), and <c>PayloadValues</c>, which converts between an enum
/// value and its payload spelling without reflection.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>An enum to emit: its C# name, description, and members (C# name, payload value, description).</summary>
    public sealed record EnumDefinition(string TypeName, string Description, bool IsNumeric, IReadOnlyList<(string Member, string Payload, string Description)> Members);

    public static IEnumerable<EnumDefinition> All(SchemaModel schema)
    {
        foreach (EnumSpec spec in schema.Enums)
        {
            yield return new EnumDefinition(
                Naming.Pascal(spec.Name),
                spec.Description,
                spec.IsNumeric,
                spec.Values.Select(v => (Naming.Pascal(v.Name), v.Value, v.Description)).ToList());
        }

        yield return new EnumDefinition(
            "StandardEvent",
            "Meta's standard event names. Standard names must keep this exact casing to count as standard.",
            false,
            schema.StandardEvents.Select(e => (e.Name, e.Name, e.Description)).ToList());

        ObjectSpec userData = schema.Object("user_data");
        yield return new EnumDefinition(
            "UserDataField",
            "The keys of user_data, Meta's customer information parameters.",
            false,
            userData.Fields.Select(f => (f.Label ?? Naming.Pascal(f.Name), f.Name, f.Description)).ToList());

        yield return new EnumDefinition(
            "CustomDataField",
            "The standard keys of custom_data. Keys of your own *.capi.json files are named by string.",
            false,
            schema.Object("custom_data").Fields.Select(f => (Naming.Pascal(f.Name), f.Name, f.Description)).ToList());
    }

    public static string EmitEnum(EnumDefinition definition)
    {
        SourceWriter writer = Emit.File();
        Emit.Summary(writer, definition.Description);
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine($"public enum {definition.TypeName}");
        writer.OpenBrace();
        for (int i = 0; i < definition.Members.Count; i++)
        {
            (string member, string payload, string description) = definition.Members[i];
            writer.WriteLine($"/// <summary><c>{Naming.Xml(payload)}</c>: {Naming.Xml(description)}</summary>");
            // Named values start at 1, so default(ActionSource) is no action source at all instead of silently "website".
            writer.WriteLine(definition.IsNumeric ? $"{member} = {payload}," : $"{member} = {Naming.Number(i + 1)},");
            if (i < definition.Members.Count - 1)
            {
                writer.WriteLine();
            }
        }

        writer.CloseBrace();
        return writer.ToString();
    }

    /// <summary><c>PayloadValues</c>: enum value to payload text (and pre-encoded JSON), and back.</summary>
    public static string EmitPayloadValues(IEnumerable<EnumDefinition> definitions)
    {
        SourceWriter writer = Emit.File();
        Emit.Summary(writer, "Converts CapiKit's enums to and from the values Meta's payload uses.");
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine("public static partial class PayloadValues");
        writer.OpenBrace();
        bool first = true;
        foreach (EnumDefinition definition in definitions.Where(d => !d.IsNumeric))
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            string type = "global::CapiKit." + definition.TypeName;
            string encoded = definition.TypeName + "Encoded";
            writer.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText[] {encoded} =");
            writer.WriteLine("[");
            writer.Indent();
            foreach ((_, string payload, _) in definition.Members)
            {
                writer.WriteLine($"global::System.Text.Json.JsonEncodedText.Encode({Naming.Literal(payload)}),");
            }

            writer.Unindent();
            writer.WriteLine("];");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The payload spelling of a <see cref=\"{type}\"/> value.</summary>");
            writer.WriteLine($"public static string ToPayloadValue(this {type} value) => ToEncodedPayloadValue(value).Value;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The payload spelling of a <see cref=\"{type}\"/> value, JSON-encoded once.</summary>");
            writer.WriteLine($"public static global::System.Text.Json.JsonEncodedText ToEncodedPayloadValue(this {type} value) =>");
            writer.WriteLine($"    (uint)((int)value - 1) < (uint){encoded}.Length ? {encoded}[(int)value - 1] : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {definition.TypeName}.\");");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Reads a payload value (exact spelling) as a <see cref=\"{type}\"/>.</summary>");
            writer.WriteLine($"public static bool TryParse{definition.TypeName}(string? payloadValue, out {type} value)");
            writer.OpenBrace();
            writer.WriteLine("switch (payloadValue)");
            writer.OpenBrace();
            foreach ((string member, string payload, _) in definition.Members)
            {
                writer.WriteLine($"case {Naming.Literal(payload)}: value = {type}.{member}; return true;");
            }

            writer.WriteLine("default: value = default; return false;");
            writer.CloseBrace();
            writer.CloseBrace();
        }

        writer.CloseBrace();
        return writer.ToString();
    }
}
