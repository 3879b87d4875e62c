// Shape: NON-CAPI analytics properties - a Dictionary<string, object> with an "action_source" entry whose value is
//        "app", next to an event name, sent to a product-analytics service. NEGATIVE (precision).
// Seen in: HearthSim/Hearthstone-Deck-Tracker "Hearthstone Deck Tracker/Utility/ValueMoments/Actions/VMAction.cs"
//          (8545c343643564b01bb296e92dfc2384df612ebd) - Mixpanel properties { "action_type", ... }, { "action_source", ... }.
// Expect: nothing. Not a Meta payload: no data[] envelope, no graph.facebook.com endpoint, no event_time/user_data;
//         "action_source" alone must not make it an event (no CAPI014 / CAPI015 / CAPI002).
#nullable enable
using System.Collections.Generic;
using System.Text.Json;

namespace CapiKit.RealWorld.Shape24;

public abstract class UsageAction
{
    public const string FromApp = "app";
    public const string FromOverlay = "overlay";

    protected UsageAction(string eventName, string source, string actionType, Dictionary<string, object> extra)
    {
        EventName = eventName;
        Properties = new Dictionary<string, object>(extra)
        {
            { "action_type", actionType },
            { "action_source", source },
        };
    }

    public string EventName { get; }
    public Dictionary<string, object> Properties { get; }

    public string ToTrackingJson() => JsonSerializer.Serialize(new { @event = EventName, properties = Properties });
}

public sealed class DeckUploaded : UsageAction
{
    public DeckUploaded(int cards)
        : base("Collection Upload", FromApp, "First Collection Upload", new Dictionary<string, object> { { "collection_size", cards } })
    {
    }
}
