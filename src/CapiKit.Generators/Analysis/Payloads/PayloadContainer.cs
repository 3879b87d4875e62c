using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>How a hand-built payload object is written, which decides how a fix can add a key to it.</summary>
internal enum ContainerStyle
{
    /// <summary><c>new { user_data = ... }</c></summary>
    Anonymous,

    /// <summary><c>new Dictionary&lt;string, object&gt; { ["user_data"] = ... }</c> or a JsonObject alike.</summary>
    IndexerInitializer,

    /// <summary><c>new Dictionary&lt;string, object&gt; { { "user_data", ... } }</c></summary>
    CollectionInitializer,

    /// <summary>A DTO whose properties carry JSON names, or entries added after creation.</summary>
    Other,
}

/// <summary>One hand-built JSON object: an anonymous object, a dictionary, a JsonObject or a DTO instance.</summary>
internal sealed class PayloadContainer
{
    public PayloadContainer(Location location, ContainerStyle style)
    {
        Location = location;
        Style = style;
    }

    /// <summary>Where the object is created (or first filled), for diagnostics about the object as a whole.</summary>
    public Location Location { get; }

    public ContainerStyle Style { get; set; }

    public List<PayloadEntry> Entries { get; } = new();

    /// <summary>
    /// Whether the object is handed to a method of the project that may fill it (<c>AddRaw(user, "fbp", fbp)</c>), so
    /// keys the method does not write may still be sent.
    /// </summary>
    public bool FilledElsewhere { get; set; }

    /// <summary>The type created, for DTOs and maps; null for anonymous objects and variables.</summary>
    public ITypeSymbol? CreatedType { get; set; }

    /// <summary>The JSON names the created type's properties declare (C# name to JSON name).</summary>
    public Dictionary<string, string> JsonNames { get; } = new();

    /// <summary>Whether the created type has a property with this JSON name, set or not.</summary>
    public bool DeclaresJsonName(string key) => JsonNames.ContainsValue(key);

    /// <summary>
    /// Whether the object gathers values whose keys are known but not the object they are written into: the keys a
    /// method's JSON text writes before C# values (<see cref="JsonTextFragments"/>), or the elements written into a
    /// DTO's list (<c>mails[i] = Sha(mails[i])</c>). Only the rules about one value apply to it.
    /// </summary>
    public bool ValuesOnly { get; set; }

    /// <summary>The keys this object sits under in the objects that hold it.</summary>
    public HashSet<string> ParentKeys { get; } = new();

    public PayloadEntry? Find(string key)
    {
        foreach (PayloadEntry entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>One key of a hand-built object and the value written to it.</summary>
internal sealed class PayloadEntry
{
    public PayloadEntry(string key, IOperation value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }

    public IOperation Value { get; }
}
