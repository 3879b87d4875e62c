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
