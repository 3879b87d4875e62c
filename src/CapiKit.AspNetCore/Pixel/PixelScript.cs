using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CapiKit.AspNetCore.Pixel;

/// <summary>
/// Writes the Pixel's loader, its <c>init</c> and one <c>fbq('track', name, custom data, {eventID})</c> per tracked
/// server event: the browser's copy of each event carries the server event's id, so Meta keeps one of the two. Every
/// value goes through <see cref="Utf8JsonWriter"/> with the default JavaScript encoder, which escapes <c>&lt;</c>,
/// <c>&gt;</c>, <c>&amp;</c>, quotes and non-ASCII: nothing a shop puts in a product name can close the script
/// element or the string it sits in.
/// </summary>
internal static class PixelScript
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.Default };

    public static string Render(string pixelId, Uri scriptUrl, IEnumerable<ServerEvent> events, bool trackPageView, string? nonce)
    {
        StringBuilder script = new();
        script.Append(nonce is null ? "<script>" : $"<script nonce=\"{HtmlEncoder.Default.Encode(nonce)}\">");

        // The Pixel's documented loader, in effect: fbq queues calls until the script arrives and replays them.
        script.Append("!function(w,d,u){if(w.fbq)return;var n=w.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};")
            .Append("if(!w._fbq)w._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];var t=d.createElement('script');t.async=!0;t.src=u;")
            .Append("var s=d.getElementsByTagName('script')[0];s?s.parentNode.insertBefore(t,s):d.head.appendChild(t)}(window,document,")
            .Append(Literal(scriptUrl.AbsoluteUri)).Append(");\n");
        script.Append("fbq('init',").Append(Literal(pixelId)).Append(");\n");
        if (trackPageView)
        {
            script.Append("fbq('track','PageView');\n");
        }

        foreach (ServerEvent serverEvent in events)
        {
            AppendTrack(script, serverEvent);
        }

        return script.Append("</script>").ToString();
    }

    private static void AppendTrack(StringBuilder script, ServerEvent serverEvent)
    {
        ArrayBufferWriter<byte> json = new(512);
        serverEvent.WriteTo(json);
        using JsonDocument document = JsonDocument.Parse(json.WrittenMemory);
        JsonElement root = document.RootElement;
        string name = serverEvent.EventName;
        // The schema's standard events include names only the Conversions API knows (business messaging's, say):
        // the Pixel tracks those as custom events, and says so in the console when given them as standard ones.
        string method = CapiSchema.IsPixelStandardEvent(name) ? "track" : "trackCustom";
        script.Append("fbq('").Append(method).Append("',").Append(Literal(name)).Append(',');
        script.Append(root.TryGetProperty("custom_data", out JsonElement customData) ? Encoded(customData) : "{}");
        if (serverEvent.EventId is { } eventId)
        {
            script.Append(",{eventID:").Append(Literal(eventId)).Append('}');
        }

        script.Append(");\n");
    }

    private static string Literal(string value)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer, Writing))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Re-written rather than copied, so the JavaScript encoder sees every string of the custom data.</summary>
    private static string Encoded(JsonElement element)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer, Writing))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
