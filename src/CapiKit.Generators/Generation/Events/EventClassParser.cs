using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.Generators.Generation.Events;

/// <summary>
/// Reads a <c>[ConversionEvent]</c> class into an <see cref="EventClassSpec"/>: its event, its action source and
/// every attributed member with the payload field it feeds. Symbols are used here and nowhere after.
/// </summary>
internal static class EventClassParser
{
    public const string AttributeName = "CapiKit.ConversionEventAttribute";

    /// <summary>The generator's reading: what it cannot generate is skipped; the analyzer reports why.</summary>
    public static EventClassSpec? Parse(GeneratorAttributeSyntaxContext context, SchemaModel schema, CancellationToken cancellationToken) =>
        Parse((INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], schema, report: null, isKnownCustomKey: null, cancellationToken);

    /// <summary>
    /// Reads a class, or returns null when it cannot be generated. Generator and <see cref="Analysis.EventClassShapeAnalyzer"/>
    /// both read through here, so they agree on what is generated: every member or class left out is one
    /// CAPI110-CAPI114 diagnostic when <paramref name="report"/> is given.
    /// </summary>
    /// <param name="isKnownCustomKey">Whether a non-standard custom_data key is declared; null to keep every key
    /// (the generator checks keys in a later step, so an edit of an extension file does not re-read the classes).</param>
    public static EventClassSpec? Parse(
        INamedTypeSymbol type,
        AttributeData attribute,
        SchemaModel schema,
        Action<Diagnostic>? report,
        Func<string, bool>? isKnownCustomKey,
        CancellationToken cancellationToken)
    {
        List<TypeDeclarationSyntax> notPartial = CAPI110EventClassNotPartial.DeclarationsWithoutPartial(type, cancellationToken);
        if (notPartial.Count > 0)
        {
            foreach (TypeDeclarationSyntax declaration in notPartial)
            {
                report?.Invoke(Diagnostic.Create(CAPI110EventClassNotPartial.Descriptor, declaration.Identifier.GetLocation(), type.Name));
            }

            return null;
        }

        Location nameLocation = NameLocation(type, attribute, cancellationToken);
        if (CAPI114EventClassShapeNotSupported.Why(type) is { } why)
        {
            report?.Invoke(Diagnostic.Create(CAPI114EventClassShapeNotSupported.Descriptor, nameLocation, type.Name, why));
            return null;
        }

        string eventName = ReadEventName(attribute, schema);
        string? actionSource = ReadActionSource(attribute, schema) is { } value ? Naming.Pascal(value) : null;

        List<MemberSpec> members = new();
        Dictionary<string, string> mappedBy = new();
        foreach (ISymbol member in MembersWithInherited(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared)
            {
                continue;
            }

            foreach (AttributeData memberAttribute in member.GetAttributes())
            {
                (string Target, string Key)? target = ReadTarget(memberAttribute, schema);
                if (target is null)
                {
                    continue;
                }

                // A member of a base class in another assembly has no source location: report it on the class.
                Location location = member.Locations.FirstOrDefault(l => l.IsInSource) ?? nameLocation;
                string field = $"{target.Value.Target}.{target.Value.Key}";
                if (mappedBy.TryGetValue(field, out string? first))
                {
                    report?.Invoke(Diagnostic.Create(CAPI112FieldMappedTwice.Descriptor, location, field, first));
                    continue;
                }

                mappedBy[field] = member.Name;
                MemberSpec? spec = ReadMember(member, target.Value.Target, target.Value.Key, location, schema, report);
                if (spec is null)
                {
                    continue;
                }

                if (spec.Target == Targets.CustomData && isKnownCustomKey is not null && !isKnownCustomKey(spec.Key))
                {
                    report?.Invoke(Diagnostic.Create(CAPI113UnknownCustomDataKey.Descriptor, location, spec.Key));
                    continue;
                }

                members.Add(spec);
            }
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        return new EventClassSpec(ns, type.Name, eventName, actionSource, members.ToEquatableArray(), type.IsRecord ? "record" : "class", Dispatch(type));
    }

    /// <summary>The name of the declaration that carries the attribute.</summary>
    private static Location NameLocation(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration
            ? declaration.Identifier.GetLocation()
            : type.Locations.FirstOrDefault() ?? Location.None;

    /// <summary>
    /// <c>override</c> when a base class is an event class too (its generated members are virtual), so a reference of
    /// the base type builds the derived event; <c>virtual</c> when others may derive; nothing for a sealed type.
    /// </summary>
    private static string Dispatch(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeName))
            {
                return "override";
            }
        }

        return type.IsSealed ? "" : "virtual";
    }

    /// <summary>Whether a declaration can be an event class: a class or a record class (a record struct cannot derive).</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));

    /// <summary>The type's own members, then those of its base classes: a base class can carry the mappings events share.</summary>
    public static IEnumerable<ISymbol> MembersWithInherited(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                yield return member;
            }
        }
    }

    // The readings of CapiKit's attributes below are shared with the analyzers, so the generator and the rules
    // can never disagree on what a class maps.

    /// <summary>The event name of a <c>[ConversionEvent]</c> attribute; empty when it names none.</summary>
    public static string ReadEventName(AttributeData attribute, SchemaModel schema)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            return "";
        }

        TypedConstant argument = attribute.ConstructorArguments[0];
        if (argument.Value is string name)
        {
            return name;
        }

        return argument.Value is int value && SchemaEnums.Index(value, schema.StandardEvents.Count) is int index ? schema.StandardEvents[index].Name : "";
    }

    /// <summary>The payload value of <c>ActionSource = ...</c> on a <c>[ConversionEvent]</c> attribute (<c>website</c>), or null.</summary>
    public static string? ReadActionSource(AttributeData attribute, SchemaModel schema)
    {
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "ActionSource" && named.Value.Value is int value && SchemaEnums.Index(value, schema.ActionSources.Count) is int index)
            {
                return schema.ActionSources[index].Value;
            }
        }

        return null;
    }

    /// <summary>The payload field an attribute maps its member to, or null for attributes that are not CapiKit's.</summary>
    public static (string Target, string Key)? ReadTarget(AttributeData attribute, SchemaModel schema)
    {
        INamedTypeSymbol? attributeClass = attribute.AttributeClass;
        if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != "CapiKit")
        {
            return null;
        }

        TypedConstant? argument = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0] : null;
        switch (attributeClass.Name)
        {
            case "UserDataAttribute":
                ObjectSpec userData = schema.Object("user_data");
                return argument?.Value is int u && SchemaEnums.Index(u, userData.Fields.Count) is int userIndex ? (Targets.UserData, userData.Fields[userIndex].Name) : null;
            case "CustomDataAttribute":
                ObjectSpec customData = schema.Object("custom_data");
                return argument?.Value switch
                {
                    string key => (Targets.CustomData, key),
                    int c when SchemaEnums.Index(c, customData.Fields.Count) is int customIndex => (Targets.CustomData, customData.Fields[customIndex].Name),
                    _ => null,
                };
            default:
                foreach (FieldSpec field in AttributeEmitter.ServerEventAttributeFields(schema))
                {
                    if (attributeClass.Name == Naming.Pascal(field.Name) + "Attribute")
                    {
                        return (Targets.ServerEvent, field.Name);
                    }
                }

                return null;
        }
    }

    private static MemberSpec? ReadMember(ISymbol member, string target, string key, Location location, SchemaModel schema, Action<Diagnostic>? report)
    {
        ITypeSymbol type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
        if (member.IsStatic || (member is IPropertySymbol { GetMethod: null }))
        {
            report?.Invoke(Diagnostic.Create(CAPI111MemberTypeNotMappable.Descriptor, location, member.Name, "static or write-only", $"{target}.{key}", "a readable instance member"));
            return null;
        }

        bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        ITypeSymbol valueType = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped ? wrapped.TypeArguments[0] : type;
        (string? kind, string? enumType) = Classify(valueType);
        FieldSpec? field = FindField(schema, target, key);
        if (field is null)
        {
            // A custom_data key not in the built-in schema: checked against the users' extension files (CAPI113).
            if (kind is null)
            {
                report?.Invoke(Diagnostic.Create(
                    CAPI111MemberTypeNotMappable.Descriptor, location, member.Name, $"'{type.ToDisplayString()}'", $"{target}.{key}", "a string, number, bool, enum or a collection of them"));
                return null;
            }

            return new MemberSpec(member.Name, target, key, kind, enumType, nullable);
        }

        IReadOnlyList<string> accepted = Accepted(field, schema);
        bool wrongEnum = kind is MemberKinds.Enum or MemberKinds.Enums && enumType != ExpectedEnum(field);
        bool wrongObject = kind is MemberKinds.Object && enumType != ExpectedObject(field);
        if (kind is null || !accepted.Contains(kind) || wrongEnum || wrongObject)
        {
            report?.Invoke(Diagnostic.Create(
                CAPI111MemberTypeNotMappable.Descriptor,
                location,
                member.Name,
                $"'{type.ToDisplayString()}'",
                $"{target}.{key}",
                Describe(field, accepted)));
            return null;
        }

        return new MemberSpec(member.Name, target, key, kind, enumType, nullable);
    }

    private static FieldSpec? FindField(SchemaModel schema, string target, string key)
    {
        foreach (FieldSpec field in schema.Object(target).Fields)
        {
            if (field.Name == key)
            {
                return field;
            }
        }

        return null;
    }

    private static string? ExpectedObject(FieldSpec field) => field.Type.Kind switch
    {
        "extinfo" => "CapiKit.ExtInfo",
        "object" => "CapiKit." + Naming.Pascal(field.Type.Object!),
        _ => null,
    };

    private static string? ExpectedEnum(FieldSpec field) =>
        (field.Type.Enum ?? field.Items?.Enum) is { } name ? "CapiKit." + Naming.Pascal(name) : null;

    /// <summary>The member kinds a schema field can be fed from.</summary>
    public static IReadOnlyList<string> Accepted(FieldSpec field, SchemaModel schema)
    {
        if (field.IsHashed)
        {
            return field.Many
                ? new[] { MemberKinds.String, MemberKinds.Strings, MemberKinds.Hash, MemberKinds.Hashes }
                : new[] { MemberKinds.String, MemberKinds.Hash };
        }

        return field.Type.Kind switch
        {
            "string" or "url" or "currency" => new[] { MemberKinds.String },
            "unix_seconds" => new[] { MemberKinds.DateTimeOffset, MemberKinds.DateTime, MemberKinds.Int64 },
            "int64" => new[] { MemberKinds.Int64, MemberKinds.Int32 },
            "integer" => new[] { MemberKinds.Int32 },
            "number" => new[] { MemberKinds.Decimal, MemberKinds.Double, MemberKinds.Int32, MemberKinds.Int64 },
            "boolean" => new[] { MemberKinds.Boolean },
            "enum" => new[] { MemberKinds.Enum },
            "object" or "extinfo" => new[] { MemberKinds.Object },
            "array" when field.Items?.Kind == "object" && field.Items.Object == "content" => new[] { MemberKinds.Contents },
            "array" when field.Items?.Kind == "enum" => new[] { MemberKinds.Enums },
            "array" => new[] { MemberKinds.Strings },
            _ => System.Array.Empty<string>(),
        };
    }

    private static string Describe(FieldSpec field, IReadOnlyList<string> accepted)
    {
        if (field.Type.Kind is "object" or "extinfo")
        {
            return "a CapiKit." + (field.Type.Kind == "extinfo" ? "ExtInfo" : Naming.Pascal(field.Type.Object!));
        }

        if (ExpectedEnum(field) is { } enumName)
        {
            return field.Type.Kind == "array" ? $"a collection of {enumName}" : enumName;
        }

        return string.Join(" or ", accepted.Select(kind => kind switch
        {
            MemberKinds.String => "string",
            MemberKinds.Strings => "a collection of strings",
            MemberKinds.Hash => "Sha256Hash",
            MemberKinds.Hashes => "a collection of Sha256Hash",
            MemberKinds.DateTimeOffset => "DateTimeOffset",
            MemberKinds.DateTime => "DateTime",
            MemberKinds.Int64 => "long",
            MemberKinds.Int32 => "int",
            MemberKinds.Decimal => "decimal",
            MemberKinds.Double => "double",
            MemberKinds.Boolean => "bool",
            MemberKinds.Contents => "a collection of CapiKit.Content",
            _ => kind,
        }));
    }

    /// <summary>What kind of value a member type holds, or null when CapiKit cannot map it at all.</summary>
    private static (string? Kind, string? EnumType) Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return (MemberKinds.String, null);
            case SpecialType.System_Int64: return (MemberKinds.Int64, null);
            case SpecialType.System_Int32: return (MemberKinds.Int32, null);
            case SpecialType.System_Decimal: return (MemberKinds.Decimal, null);
            case SpecialType.System_Double: return (MemberKinds.Double, null);
            case SpecialType.System_Boolean: return (MemberKinds.Boolean, null);
            case SpecialType.System_DateTime: return (MemberKinds.DateTime, null);
        }

        string name = TypeName(type);
        if (name == "System.DateTimeOffset")
        {
            return (MemberKinds.DateTimeOffset, null);
        }

        if (name == "CapiKit.Pii.Sha256Hash")
        {
            return (MemberKinds.Hash, null);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return (MemberKinds.Enum, name);
        }

        if (name is "CapiKit.AppData" or "CapiKit.OriginalEventData" or "CapiKit.AttributionData" or "CapiKit.ExtInfo")
        {
            return (MemberKinds.Object, name);
        }

        ITypeSymbol? item = EnumerableItem(type);
        if (item is not null)
        {
            string itemName = TypeName(item);
            return itemName switch
            {
                "string" => (MemberKinds.Strings, null),
                "CapiKit.Pii.Sha256Hash" => (MemberKinds.Hashes, null),
                "CapiKit.Content" => (MemberKinds.Contents, null),
                _ when item.TypeKind == TypeKind.Enum => (MemberKinds.Enums, itemName),
                _ => (null, null),
            };
        }

        return (null, null);
    }

    /// <summary>The type's full name without <c>global::</c> or nullable annotations (<c>string</c>, <c>CapiKit.Content</c>).</summary>
    private static string TypeName(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

    private static ITypeSymbol? EnumerableItem(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } named)
        {
            return named.TypeArguments[0];
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }
}
