using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// What a <c>[ConversionEvent]</c> class sends, read as the generator reads it: its event name, action source and
/// the payload fields its members map (<c>object.key</c>). Where a rule reports on the class as a whole it reports on
/// the attribute.
/// </summary>
internal sealed class EventClassPayload
{
    public EventClassPayload(string typeName, Location location, Location nameLocation, string? customName, string? eventName, string? actionSource, HashSet<string> mapped)
    {
        TypeName = typeName;
        Location = location;
        NameLocation = nameLocation;
        CustomName = customName;
        EventName = eventName;
        ActionSource = actionSource;
        Mapped = mapped;
    }

    public string TypeName { get; }

    /// <summary>The <c>[ConversionEvent]</c> attribute.</summary>
    public Location Location { get; }

    /// <summary>The attribute's event-name argument, or the attribute when it has none.</summary>
    public Location NameLocation { get; }

    /// <summary>The custom event name written on the attribute, if the event is custom.</summary>
    public string? CustomName { get; }

    public string? EventName { get; }

    public string? ActionSource { get; }

    /// <summary>The payload fields the members map, as <c>object.key</c> (<c>user_data.em</c>).</summary>
    public HashSet<string> Mapped { get; }

    public bool Maps(string objectName, string key) => Mapped.Contains(objectName + "." + key);

    /// <summary>The user_data keys the class maps.</summary>
    public IEnumerable<string> CustomerKeys
    {
        get
        {
            foreach (string path in Mapped)
            {
                if (path.StartsWith("user_data.", StringComparison.Ordinal))
                {
                    yield return path.Substring("user_data.".Length);
                }
            }
        }
    }
}
