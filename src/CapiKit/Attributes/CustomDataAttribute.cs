namespace CapiKit;

/// <summary>Maps a member to a <c>custom_data</c> key: a standard one, or one of your <c>*.capi.json</c> files.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CustomDataAttribute : Attribute
{
    /// <summary>A standard <c>custom_data</c> key.</summary>
    public CustomDataAttribute(CustomDataField field) => Key = field.ToPayloadValue();

    /// <summary>A key declared in a <c>*.capi.json</c> file, by its payload name.</summary>
    public CustomDataAttribute(string key) => Key = key;

    /// <summary>The payload key the member maps to.</summary>
    public string Key { get; }
}
