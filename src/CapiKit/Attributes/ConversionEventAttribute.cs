namespace CapiKit;

/// <summary>
/// Marks a partial class as a Conversions API event. CapiKit generates <c>ToServerEvent()</c> and
/// <c>WriteTo(IBufferWriter&lt;byte&gt;)</c> into it from its attributed members.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConversionEventAttribute : Attribute
{
    /// <summary>A standard event.</summary>
    public ConversionEventAttribute(StandardEvent standardEvent) => EventName = standardEvent.ToPayloadValue();

    /// <summary>A custom event, by name (declare it in a <c>*.capi.json</c> file to give it required custom data).</summary>
    public ConversionEventAttribute(string customEventName) => EventName = customEventName;

    /// <summary>The <c>event_name</c> sent.</summary>
    public string EventName { get; }

    /// <summary>Where the conversion happened. Required: Meta rejects events without it (CAPI002).</summary>
    public ActionSource ActionSource { get; set; }
}
