using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// One builder class per payload object of the schema (<c>ServerEvent</c>, <c>UserData</c>, <c>CustomData</c>,
/// <c>Content</c>, <c>AppData</c>, ...): a read-only property and a fluent setter per field, and a reflection-free
/// <c>WriteTo(Utf8JsonWriter)</c> that writes the present fields in schema order.
/// </summary>
/// <remarks>
/// Hashed <c>user_data</c> keys take the raw value and keep it normalized, all keys in one store (no list per
/// key), until the payload is written: then a whole request's values are hashed in one batch. Getters that read a
/// hash compute the digests first, so what they return never depends on when hashing happens. A value that cannot be
/// normalized is dropped and reported in <c>Rejected</c>, never thrown, because it comes from a customer.
/// Keys Meta wants raw are checked against their format the same way. Every other field is set by the
/// developer, and a malformed value there throws <see cref="System.ArgumentException"/>.
/// </remarks>
internal static class BuilderEmitter
{
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Encoded = "global::System.Text.Json.JsonEncodedText";

    public static string EmitBuilder(SchemaModel schema, ObjectSpec spec)
    {
        bool isUserData = spec.Name == "user_data";
        string type = Naming.Pascal(spec.Name);
        List<FieldShape> fields = spec.Fields.Select(f => FieldShape.For(f, isUserData)).ToList();
        List<FieldShape> required = RequiredFields(schema, spec, fields);

        SourceWriter writer = Emit.File();
        Emit.Summary(writer, spec.Description);
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine($"public sealed partial class {type}");
        writer.OpenBrace();

        foreach (FieldShape field in fields)
        {
            writer.WriteLine($"private static readonly {Encoded} {field.EncodedName} = {Encoded}.Encode({Naming.Literal(field.Name)});");
        }

        writer.WriteLine();
        foreach (FieldShape field in fields.Where(f => !f.Spec.IsHashed && f.Holder is null))
        {
            string storage = Bit(fields, field) is null ? field.StorageType : field.ClrType;
            writer.WriteLine($"private {storage} {field.BackingField};");
        }

        if (fields.Any(f => Bit(fields, f) is not null))
        {
            writer.WriteLine("private uint _present;");
        }

        foreach (FieldShape holder in Holders(fields))
        {
            writer.WriteLine($"private {holder.Holder}? {holder.HolderField};");
        }

        if (required.Count > 0)
        {
            writer.WriteLine();
            EmitConstructor(writer, type, required);
        }

        foreach (FieldShape field in fields)
        {
            writer.WriteLine();
            EmitMembers(writer, type, field, HashedKey(fields, field), Bit(fields, field), isUserData, required.Contains(field));
        }

        writer.WriteLine();
        EmitClone(writer, type, fields);
        writer.WriteLine();
        EmitWriteTo(writer, schema, fields);
        foreach (FieldShape holder in Holders(fields))
        {
            writer.WriteLine();
            EmitHolder(writer, holder, fields.Where(f => f.Holder == holder.Holder).ToList());
        }

        writer.CloseBrace();
        return writer.ToString();
    }

    /// <summary>
    /// The bit of <c>_present</c> that says a value-type field is set, or null for fields stored as nullable or by
    /// reference. A flag bit and the bare value take less room than a <c>Nullable</c>, whose padding doubles an
    /// <c>int</c> and adds eight bytes to a <c>decimal</c>; the first 32 such fields get one.
    /// </summary>
    private static string? Bit(List<FieldShape> fields, FieldShape field)
    {
        int index = fields.Where(f => f.IsValueType && !f.IsArray && !f.Spec.IsHashed && f.Holder is null).ToList().IndexOf(field);
        return index is >= 0 and < 32 ? "0x" + (1u << index).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "u" : null;
    }

    /// <summary>The first field of each side object, in schema order.</summary>
    private static IEnumerable<FieldShape> Holders(List<FieldShape> fields) =>
        fields.Where(f => f.Holder is not null).GroupBy(f => f.Holder).Select(g => g.First());

    private static void EmitHolder(SourceWriter writer, FieldShape first, List<FieldShape> members)
    {
        string group = first.Spec.Group is { } name ? $"<c>{Naming.Xml(name)}</c> fields" : "fields only Meta's SDKs send";
        writer.WriteLine($"/// <summary>The {group}: few events set them, so they live apart until one is set.</summary>");
        writer.WriteLine($"private sealed class {first.Holder}");
        writer.OpenBrace();
        foreach (FieldShape field in members)
        {
            writer.WriteLine($"public {field.StorageType} {field.BackingField};");
        }

        writer.WriteLine();
        writer.WriteLine($"public {first.Holder} Clone()");
        writer.OpenBrace();
        writer.WriteLine($"var copy = ({first.Holder})MemberwiseClone();");
        foreach (FieldShape field in members.Where(f => f.IsArray))
        {
            writer.WriteLine($"copy.{field.BackingField} = {field.BackingField} is null ? null : new({field.BackingField});");
        }

        writer.WriteLine("return copy;");
        writer.CloseBrace();
        writer.CloseBrace();
    }

    /// <summary>
    /// A hashed key's index in the object's one store of hashed values (its rank among the hashed fields, in
    /// schema order), or -1.
    /// </summary>
    private static int HashedKey(List<FieldShape> fields, FieldShape field) =>
        field.Spec.IsHashed ? fields.Where(f => f.Spec.IsHashed).ToList().IndexOf(field) : -1;

    /// <summary>
    /// Fields the object cannot exist without: those the schema requires always, and, in objects that belong to one
    /// action source (<c>app_data</c>), those that action source requires. They become constructor parameters.
    /// </summary>
    public static List<FieldShape> RequiredFields(SchemaModel schema, ObjectSpec spec, List<FieldShape> fields)
    {
        HashSet<string> names = new(spec.Fields.Where(f => f.Requirement == "always").Select(f => f.Name));
        if (spec.Name is not ("server_event" or "user_data" or "custom_data"))
        {
            foreach (ActionSourceSpec source in schema.ActionSources)
            {
                foreach (FieldPath path in source.Requires.Where(p => p.Object == spec.Name))
                {
                    names.Add(path.Field);
                }
            }
        }

        return fields.Where(f => names.Contains(f.Name)).ToList();
    }

    private static void EmitConstructor(SourceWriter writer, string type, List<FieldShape> required)
    {
        writer.WriteLine($"/// <summary>Creates a <see cref=\"{type}\"/> with the fields it cannot go without.</summary>");
        foreach (FieldShape field in required)
        {
            writer.WriteLine($"/// <param name=\"{field.Parameter.TrimStart('@')}\">{Naming.Xml(field.Spec.Description)}</param>");
        }

        string parameters = string.Join(", ", required.Select(f => $"{f.ClrType} {f.Parameter}"));
        string access = type == "ServerEvent" ? "internal" : "public";
        writer.WriteLine($"{access} {type}({parameters})");
        writer.OpenBrace();
        foreach (FieldShape field in required)
        {
            writer.WriteLine($"Set{field.Property}({field.Parameter});");
        }

        writer.CloseBrace();
    }

    private static void EmitMembers(SourceWriter writer, string type, FieldShape field, int hashedKey, string? bit, bool isUserData, bool isRequired)
    {
        string description = Naming.Xml(field.Spec.Description);
        string key = $"<c>{Naming.Xml(field.Name)}</c>";
        if (field.IsHashedMany)
        {
            writer.WriteLine($"/// <summary>{key}: {description}</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<global::CapiKit.Pii.Sha256Hash> {field.Property} => _hashed.Hashes({hashedKey});");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Normalizes and hashes a raw value for {key} and adds its hash once. A value that cannot be normalized is dropped and listed in <see cref=\"Rejected\"/>; null or blank is ignored.</summary>");
            writer.WriteLine($"public {type} Add{field.Property}(string? value) => AddHashed({hashedKey}, {Naming.Literal(field.Name)}, value);");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Adds an already computed hash for {key}; it must be the SHA-256 of the value normalized as Meta specifies.</summary>");
            writer.WriteLine($"public {type} Add{field.Property}Hash(global::CapiKit.Pii.Sha256Hash hash) => AddHash({hashedKey}, hash);");
            return;
        }

        if (field.IsHashedOne)
        {
            writer.WriteLine($"/// <summary>{key}: {description}</summary>");
            writer.WriteLine($"public global::CapiKit.Pii.Sha256Hash? {field.Property} => _hashed.Hash({hashedKey});");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Normalizes and hashes a raw value for {key}. A value that cannot be normalized is dropped and listed in <see cref=\"Rejected\"/>; null or blank clears the key.</summary>");
            writer.WriteLine($"public {type} Set{field.Property}(string? value) => SetHashed({hashedKey}, {Naming.Literal(field.Name)}, value);");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Sets an already computed hash for {key}.</summary>");
            writer.WriteLine($"public {type} Set{field.Property}Hash(global::CapiKit.Pii.Sha256Hash hash) => SetHash({hashedKey}, hash);");
            return;
        }

        if (field.IsArray)
        {
            string singular = Naming.Singular(field.Property);
            writer.WriteLine($"/// <summary>{key}: {description}</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<{field.ItemType}> {field.Property} => (global::System.Collections.Generic.IReadOnlyList<{field.ItemType}>?){field.Read} ?? global::System.Array.Empty<{field.ItemType}>();");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Adds one item to {key}.</summary>");
            writer.WriteLine($"public {type} Add{singular}({field.ItemType} item)");
            writer.OpenBrace();
            if (!FieldShape.ScalarType(field.Spec.Items!).IsValueType)
            {
                writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(item);");
            }

            writer.WriteLine($"({field.Target} ??= new()).Add(item);");
            writer.WriteLine("return this;");
            writer.CloseBrace();
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Replaces {key} with <paramref name=\"items\"/>.</summary>");
            writer.WriteLine($"public {type} Set{field.Property}({field.ClrType} items)");
            writer.OpenBrace();
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(items);");
            // Sized once when the count is known: a request's 1,000 events would otherwise grow the list nine times.
            writer.WriteLine($"{field.Target} = global::System.Linq.Enumerable.TryGetNonEnumeratedCount(items, out int count) && count > 0 ? new(count) : null;");
            writer.WriteLine("foreach (var item in items)");
            writer.OpenBrace();
            writer.WriteLine($"Add{singular}(item);");
            writer.CloseBrace();
            writer.WriteLine("return this;");
            writer.CloseBrace();
            return;
        }

        string nullable = field.IsValueType ? field.ClrType + "?" : field.ClrType + "?";
        string getter = bit is not null ? (isRequired ? field.BackingField : $"(_present & {bit}) != 0 ? {field.BackingField} : null")
            : isRequired && field.IsValueType ? $"{field.BackingField}.GetValueOrDefault()" : isRequired ? $"{field.BackingField}!" : field.Read;
        string propertyType = isRequired ? field.ClrType : nullable;
        writer.WriteLine($"/// <summary>{key}: {description}</summary>");
        writer.WriteLine($"public {propertyType} {field.Property} => {getter};");
        writer.WriteLine();
        string parameterType = field.IsValueType || isRequired ? field.ClrType : nullable;
        string clears = isRequired ? "" : field.IsValueType ? "" : " Null clears it.";
        writer.WriteLine($"/// <summary>Sets {key}: {description}{clears}</summary>");
        writer.WriteLine($"public {type} Set{field.Property}({parameterType} value)");
        writer.OpenBrace();
        EmitAssignment(writer, field, isUserData, isRequired);
        if (bit is not null)
        {
            writer.WriteLine($"_present |= {bit};");
        }

        writer.WriteLine("return this;");
        writer.CloseBrace();
    }

    private static void EmitAssignment(SourceWriter writer, FieldShape field, bool isUserData, bool isRequired)
    {
        string name = Naming.Literal(field.Name);
        if (!field.IsValueType && isRequired)
        {
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(value);");
        }

        switch (field.Spec.Type.Kind)
        {
            case "string" when isUserData:
                writer.WriteLine($"{field.Target} = CheckRaw({name}, {Naming.Literal(field.Spec.Format ?? "")}, value);");
                break;
            case "url":
                writer.WriteLine($"{field.Target} = global::CapiKit.FieldFormats.Url({name}, value);");
                break;
            case "currency":
                writer.WriteLine($"{field.Target} = global::CapiKit.FieldFormats.Currency({name}, value);");
                break;
            default:
                writer.WriteLine($"{field.Target} = value;");
                break;
        }
    }

    private static void EmitClone(SourceWriter writer, string type, List<FieldShape> fields)
    {
        writer.WriteLine("/// <summary>A copy whose own changes do not reach this object (lists are copied; nested objects are shared).</summary>");
        writer.WriteLine($"public {type} Clone()");
        writer.OpenBrace();
        writer.WriteLine($"var copy = ({type})MemberwiseClone();");
        foreach (FieldShape field in fields.Where(f => f.IsArray && f.Holder is null))
        {
            writer.WriteLine($"copy.{field.BackingField} = {field.BackingField} is null ? null : new({field.BackingField});");
        }

        foreach (FieldShape holder in Holders(fields))
        {
            writer.WriteLine($"copy.{holder.HolderField} = {holder.HolderField}?.Clone();");
        }

        writer.WriteLine("OnCloned(copy);");
        writer.WriteLine("return copy;");
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine($"partial void OnCloned({type} copy);");
    }

    private static void EmitWriteTo(SourceWriter writer, SchemaModel schema, List<FieldShape> fields)
    {
        writer.WriteLine("/// <summary>Writes this object as Meta's JSON: the fields that are set, in schema order.</summary>");
        writer.WriteLine($"public void WriteTo({Writer} writer)");
        writer.OpenBrace();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        foreach (FieldShape field in fields.Where(f => f.IsArray && f.Spec.Items is { Kind: "object", Object: "server_event" }))
        {
            // A request's pending user_data values are hashed together, in one batch, before any event is written.
            writer.WriteLine($"using var hashes = global::CapiKit.Json.RequestHashes.Begin({field.BackingField});");
        }

        if (fields.Any(f => f.Spec.IsHashed))
        {
            writer.WriteLine("global::System.ReadOnlySpan<global::CapiKit.Pii.Sha256Hash> pending = PendingDigests();");
        }

        writer.WriteLine("writer.WriteStartObject();");
        foreach (FieldShape field in fields)
        {
            EmitWriteField(writer, schema, field, HashedKey(fields, field), Bit(fields, field));
        }

        writer.WriteLine("WriteAdditionalProperties(writer);");
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine($"partial void WriteAdditionalProperties({Writer} writer);");
    }

    private static void EmitWriteField(SourceWriter writer, SchemaModel schema, FieldShape field, int hashedKey, string? bit)
    {
        string f = field.Read;
        string n = field.EncodedName;
        if (field.Spec.IsHashed)
        {
            writer.WriteLine($"_hashed.Write(writer, {n}, {hashedKey}, {(field.IsHashedMany ? "true" : "false")}, pending);");
            return;
        }

        if (field.IsArray)
        {
            string items = field.Holder is null ? f : Local(field);
            writer.WriteLine(field.Holder is null ? $"if ({f} is {{ Count: > 0 }})" : $"if ({f} is {{ Count: > 0 }} {items})");
            writer.OpenBrace();
            writer.WriteLine($"writer.WriteStartArray({n});");
            writer.WriteLine($"foreach (var item in {items})");
            writer.OpenBrace();
            writer.WriteLine(WriteValue(schema, field.Spec.Items!, field.Spec.Format, "item"));
            writer.CloseBrace();
            writer.WriteLine("writer.WriteEndArray();");
            writer.CloseBrace();
            return;
        }

        string local = Local(field);
        if (field.Spec.Type.Kind is "object" or "extinfo")
        {
            writer.WriteLine($"if ({f} is {{ }} {local})");
            writer.OpenBrace();
            writer.WriteLine($"writer.WritePropertyName({n});");
            writer.WriteLine($"{local}.WriteTo(writer);");
            writer.CloseBrace();
            return;
        }

        writer.WriteLine(bit is null ? $"if ({f} is {{ }} {local})" : $"if ((_present & {bit}) != 0)");
        writer.OpenBrace();
        writer.WriteLine(WriteProperty(schema, field.Spec.Type, field.Spec.Format, n, bit is null ? local : field.BackingField));
        writer.CloseBrace();
    }

    // A name and its scalar value in one writer call: half the calls, and one check of the writer's state instead of
    // two. Objects are written by the caller.
    private static string WriteProperty(SchemaModel schema, TypeSpec type, string? format, string name, string value) => type.Kind switch
    {
        "integer" or "int64" => $"writer.WriteNumber({name}, {value});",
        "number" => $"global::CapiKit.Json.GeneratedEventSupport.WriteNumber(writer, {name}, {value});",
        "boolean" when format == "zero_one" => $"writer.WriteNumber({name}, {value} ? 1 : 0);",
        "boolean" => $"writer.WriteBoolean({name}, {value});",
        "unix_seconds" => $"writer.WriteNumber({name}, {value}.ToUnixTimeSeconds());",
        "enum" when schema.Enum(type.Enum!)?.IsNumeric == true => $"writer.WriteNumber({name}, (int){value});",
        "enum" => $"writer.WriteString({name}, global::CapiKit.PayloadValues.ToEncodedPayloadValue({value}));",
        _ => $"writer.WriteString({name}, {value});",
    };

    private static string WriteValue(SchemaModel schema, TypeSpec type, string? format, string value) => type.Kind switch
    {
        "integer" or "int64" or "number" => $"writer.WriteNumberValue({value});",
        "boolean" when format == "zero_one" => $"writer.WriteNumberValue({value} ? 1 : 0);",
        "boolean" => $"writer.WriteBooleanValue({value});",
        "unix_seconds" => $"writer.WriteNumberValue({value}.ToUnixTimeSeconds());",
        "enum" when schema.Enum(type.Enum!)?.IsNumeric == true => $"writer.WriteNumberValue((int){value});",
        "enum" => $"writer.WriteStringValue(global::CapiKit.PayloadValues.ToEncodedPayloadValue({value}));",
        "object" or "extinfo" => $"{value}.WriteTo(writer);",
        _ => $"writer.WriteStringValue({value});",
    };

    private static string Local(FieldShape field) => "v" + field.Property;
}
