using System.Text.Json;

namespace CapiKit.Delivery;

/// <summary>Meta's Graph error envelope: <c>{"error":{"message","type","code","error_subcode","error_user_msg","fbtrace_id",...}}</c>.</summary>
internal sealed record GraphError(int Code, int? Subcode, string Message, string? Type, string? UserTitle, string? UserMessage, string? FbTraceId)
{
    /// <summary>Reads the envelope from a response body; null when the body is not one.</summary>
    public static GraphError? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            Utf8JsonReader reader = new(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (!document.RootElement.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new GraphError(
                error.TryGetProperty("code", out JsonElement code) && code.TryGetInt32(out int c) ? c : 0,
                error.TryGetProperty("error_subcode", out JsonElement subcode) && subcode.TryGetInt32(out int s) ? s : null,
                Text(error, "message") ?? "",
                Text(error, "type"),
                Text(error, "error_user_title"),
                Text(error, "error_user_msg"),
                Text(error, "fbtrace_id"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether Meta asks to try again: a code the schema marks retryable (1, 2, 4, 17, 341, 613, 80000...).</summary>
    public bool IsTransient => CapiSchema.IsRetryable(Code);

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
