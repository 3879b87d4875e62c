using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis;

/// <summary>Types the analyzers compare against, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    public KnownSymbols(Compilation compilation)
    {
        ServerEvent = compilation.GetTypeByMetadataName("CapiKit.ServerEvent");
        EventDefinition = compilation.GetTypeByMetadataName("CapiKit.EventDefinition");
        CustomData = compilation.GetTypeByMetadataName("CapiKit.CustomData");
        EventRequest = compilation.GetTypeByMetadataName("CapiKit.EventRequest");
        UserData = compilation.GetTypeByMetadataName("CapiKit.UserData");
        Sha256Hash = compilation.GetTypeByMetadataName("CapiKit.Pii.Sha256Hash");
        ConversionEventAttribute = compilation.GetTypeByMetadataName("CapiKit.ConversionEventAttribute");
        EventTimeAttribute = compilation.GetTypeByMetadataName("CapiKit.EventTimeAttribute");
        ActionSourceAttribute = compilation.GetTypeByMetadataName("CapiKit.ActionSourceAttribute");
        ActionSource = compilation.GetTypeByMetadataName("CapiKit.ActionSource");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
        StjJsonPropertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        NewtonsoftJsonProperty = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonPropertyAttribute");
        JsonObject = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject");
    }

    public INamedTypeSymbol? ServerEvent { get; }

    public INamedTypeSymbol? UserData { get; }

    public INamedTypeSymbol? EventDefinition { get; }

    public INamedTypeSymbol? CustomData { get; }

    public INamedTypeSymbol? EventRequest { get; }

    public INamedTypeSymbol? Sha256Hash { get; }

    public INamedTypeSymbol? ConversionEventAttribute { get; }

    public INamedTypeSymbol? EventTimeAttribute { get; }

    public INamedTypeSymbol? ActionSourceAttribute { get; }

    public INamedTypeSymbol? ActionSource { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol DateTime { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? TimeProvider { get; }

    public INamedTypeSymbol? StjJsonPropertyName { get; }

    public INamedTypeSymbol? NewtonsoftJsonProperty { get; }

    public INamedTypeSymbol? JsonObject { get; }

    public bool HasCapiKit => ServerEvent is not null;

    /// <summary>Whether the symbol carries the attribute (false when the attribute type is not in the compilation).</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>
    /// Whether a serializer never writes the member: <c>[JsonIgnore]</c> (System.Text.Json without a condition or with
    /// <c>Always</c>; Newtonsoft) or <c>[IgnoreDataMember]</c>.
    /// </summary>
    public static bool IsJsonIgnored(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "IgnoreDataMemberAttribute":
                    return true;
                case "JsonIgnoreAttribute":
                    // JsonIgnoreCondition.Always is 1; WhenWritingDefault and WhenWritingNull still write a value.
                    if (!attribute.NamedArguments.Any(a => a.Key == "Condition" && a.Value.Value is int condition && condition != 1))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The JSON name a serializer attribute gives a property, or null.</summary>
    public string? JsonName(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if ((SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, StjJsonPropertyName)
                    || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, NewtonsoftJsonProperty))
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }

            if (attribute.AttributeClass is { Name: "DataMemberAttribute" } && attribute.AttributeClass.ContainingNamespace?.ToDisplayString() == "System.Runtime.Serialization")
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Name" && named.Value.Value is string dataMemberName)
                    {
                        return dataMemberName;
                    }
                }
            }

            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, NewtonsoftJsonProperty))
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "PropertyName" && named.Value.Value is string propertyName)
                    {
                        return propertyName;
                    }
                }
            }
        }

        return null;
    }
}
