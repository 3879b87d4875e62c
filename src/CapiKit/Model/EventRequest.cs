using CapiKit.Json;

namespace CapiKit;

public sealed partial class EventRequest
{
    /// <summary>The request body as JSON, as Meta receives it (without the access token).</summary>
    /// <exception cref="InvalidOperationException">More than 1,000 events: Meta would reject the whole request.</exception>
    public string ToJson()
    {
        if (Data.Count > CapiSchema.MaxEventsPerRequest)
        {
            throw new InvalidOperationException(
                $"A request holds at most {CapiSchema.MaxEventsPerRequest} events; this one has {Data.Count}. Split it into batches.");
        }

        return JsonText.ToJson(WriteTo);
    }
}
