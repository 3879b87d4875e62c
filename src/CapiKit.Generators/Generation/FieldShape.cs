using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>How one schema field looks in C#: its member names, its CLR type and how it is stored and written.</summary>
internal sealed class FieldShape
{
    private FieldShape(FieldSpec spec, string property, string clrType, string? itemType, bool isValueType)
    {
        Spec = spec;
        Property = property;
        ClrType = clrType;
        ItemType = itemType;
        IsValueType = isValueType;
    }

    public FieldSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>The C# property name: the schema's label for user_data keys, else the PascalCase key.</summary>
    public string Property { get; }

    /// <summary>The C# type a caller passes (for arrays, the collection type).</summary>
    public string ClrType { get; }

    /// <summary>The item type of an array field.</summary>
    public string? ItemType { get; }

    public bool IsValueType { get; }

    public string BackingField => Naming.Field(Spec.Name);

    /// <summary>
    /// The side object that holds this field, or null when the builder holds it itself. Optional fields of a
    /// vertical the schema groups (<c>travel</c>, <c>automotive</c>, ...) and those only Meta's SDKs know
    /// (<c>sdkOnly</c>) are set by few events, so every builder of that type would otherwise carry them unset; they
    /// share one object per group, created when the first of them is set.
    /// </summary>
    public string? Holder =>
        Spec.IsHashed || Spec.Requirement != "optional" ? null
        : Spec.Group is { } group ? Naming.Pascal(group) + "Fields"
        : Spec.SdkOnly ? "SdkFields"
        : null;

    /// <summary>The field of the builder that refers to <see cref="Holder"/>.</summary>
    public string? HolderField => Holder is { } holder ? "_" + char.ToLowerInvariant(holder[0]) + holder.Substring(1) : null;

    /// <summary>An expression that reads the field (null when its holder does not exist).</summary>
    public string Read => HolderField is { } holder ? $"{holder}?.{BackingField}" : BackingField;

    /// <summary>An assignable expression for the field, creating its holder first.</summary>
    public string Target => HolderField is { } holder ? $"({holder} ??= new()).{BackingField}" : BackingField;

    public string Parameter => Naming.Camel(Spec.Name);

    public string EncodedName => Property + "Name";

    public bool IsArray => Spec.Type.Kind == "array";

    public bool IsHashedMany => Spec.IsHashed && Spec.Many;

    public bool IsHashedOne => Spec.IsHashed && !Spec.Many;

    /// <summary>The type of the backing field, able to say "not set" (hashed keys share their object's one store instead).</summary>
    public string StorageType =>
        IsArray ? $"global::System.Collections.Generic.List<{ItemType}>?"
        : ClrType + "?";

    public static FieldShape For(FieldSpec spec, bool isUserData)
    {
        string property = isUserData && spec.Label is not null ? spec.Label : Naming.Pascal(spec.Name);
        if (spec.IsHashed)
        {
            return new FieldShape(spec, property, "string", null, isValueType: false);
        }

        if (spec.Type.Kind == "array")
        {
            (string item, _) = ScalarType(spec.Items!);
            return new FieldShape(spec, property, $"global::System.Collections.Generic.IEnumerable<{item}>", item, isValueType: false);
        }

        (string type, bool valueType) = ScalarType(spec.Type);
        return new FieldShape(spec, property, type, null, valueType);
    }

    public static (string Type, bool IsValueType) ScalarType(TypeSpec type) => type.Kind switch
    {
        "integer" => ("int", true),
        "int64" => ("long", true),
        "number" => ("decimal", true),
        "boolean" => ("bool", true),
        "unix_seconds" => ("global::System.DateTimeOffset", true),
        "enum" => ("global::CapiKit." + Naming.Pascal(type.Enum!), true),
        "object" => ("global::CapiKit." + Naming.Pascal(type.Object!), false),
        "extinfo" => ("global::CapiKit.ExtInfo", false),
        _ => ("string", false),
    };
}
