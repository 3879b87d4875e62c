namespace CapiKit;

/// <summary>
/// An event name together with the <c>custom_data</c> Meta requires for it. Standard events are static members
/// (<c>EventDefinition.AddToCart</c>, <c>EventDefinition.Purchase(value, currency)</c>); your own events come from
/// <see cref="Custom(string)"/>.
/// </summary>
public readonly partial struct EventDefinition : IEquatable<EventDefinition>
{
    private EventDefinition(string name, CustomData? requiredCustomData)
    {
        Name = name;
        RequiredCustomData = requiredCustomData;
    }

    /// <summary>The <c>event_name</c>, exactly as sent.</summary>
    public string Name { get; }

    /// <summary>The custom data the event cannot go without, or null.</summary>
    public CustomData? RequiredCustomData { get; }

    /// <summary>A custom event. Standard names that need custom data must use their own member instead.</summary>
    /// <exception cref="ArgumentException">The name is empty, or a standard event with required custom data.</exception>
    public static EventDefinition Custom(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string[] required = RequiredCustomDataKeys(name);
        if (required.Length > 0)
        {
            throw new ArgumentException(
                $"{name} requires {string.Join(" and ", required)}; use EventDefinition.{name}(...) instead.", nameof(name));
        }

        return new EventDefinition(name, null);
    }

    /// <summary>A custom event with the custom data it cannot go without (generated from your <c>*.capi.json</c> files).</summary>
    public static EventDefinition Custom(string name, CustomData requiredCustomData)
    {
        ArgumentNullException.ThrowIfNull(requiredCustomData);
        return new EventDefinition(Custom(name).Name, requiredCustomData);
    }

    /// <inheritdoc/>
    public bool Equals(EventDefinition other) => Name == other.Name && ReferenceEquals(RequiredCustomData, other.RequiredCustomData);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EventDefinition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, RequiredCustomData);

    /// <summary>The event name.</summary>
    public override string ToString() => Name;

    /// <summary>Compares two definitions.</summary>
    public static bool operator ==(EventDefinition left, EventDefinition right) => left.Equals(right);

    /// <summary>Compares two definitions.</summary>
    public static bool operator !=(EventDefinition left, EventDefinition right) => !left.Equals(right);
}
