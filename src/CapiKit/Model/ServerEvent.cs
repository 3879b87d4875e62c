using System.Buffers;
using System.Text.Json;
using CapiKit.Json;
using CapiKit.Pii;

namespace CapiKit;

public sealed partial class ServerEvent
{
    /// <summary>
    /// Creates an event without the checks the <c>For…</c> factories make at compile time. Generated
    /// <c>ToServerEvent()</c> methods use it (the analyzers check attributed classes); prefer the factories in your code.
    /// Pre-flight checks every event again before it is sent.
    /// </summary>
    public static ServerEvent Create(string eventName, DateTimeOffset eventTime, ActionSource actionSource, UserData? userData = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return new ServerEvent(eventName, eventTime, userData ?? new UserData(), actionSource);
    }

    private static ServerEvent FromDefinition(EventDefinition definition, DateTimeOffset eventTime, ActionSource actionSource, UserData? userData)
    {
        if (definition.Name is null)
        {
            throw new ArgumentException("The event definition is empty; use a member of EventDefinition.", nameof(definition));
        }

        ServerEvent created = new(definition.Name, eventTime, userData ?? new UserData(), actionSource);
        if (definition.RequiredCustomData is { } required)
        {
            // Each event gets its own copy, so two events made from one definition never share custom data.
            created.SetCustomData(required.Clone());
        }

        return created;
    }

    /// <summary>Values dropped from <c>user_data</c> because they could not be normalized, with why.</summary>
    public IReadOnlyList<NormalizationError> Rejected => UserData.Rejected;

    /// <summary>This event's payload JSON, as Meta receives it in <c>data</c>. Personal data appears only hashed.</summary>
    public string ToJson() => JsonText.ToJson(WriteTo);

    /// <summary>Writes this event's payload JSON as UTF-8 into <paramref name="destination"/>.</summary>
    public void WriteTo(IBufferWriter<byte> destination) =>
        JsonText.WriteTo(destination, this, static (writer, e) => e.WriteTo(writer));

    /// <summary>Names the event without any customer information.</summary>
    public override string ToString() => $"{EventName} ({ActionSource.ToPayloadValue()}) at {EventTime:u}";
}
