using System.Text.Json.Serialization;

namespace CapiKit.Testing;

internal sealed record SuccessBody(
    [property: JsonPropertyName("events_received")] int EventsReceived,
    [property: JsonPropertyName("messages")] string[] Messages,
    [property: JsonPropertyName("fbtrace_id")] string FbTraceId);

internal sealed record ErrorDetail(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("error_subcode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ErrorSubcode,
    [property: JsonPropertyName("is_transient")] bool IsTransient,
    [property: JsonPropertyName("error_user_title")] string ErrorUserTitle,
    [property: JsonPropertyName("error_user_msg")] string ErrorUserMsg,
    [property: JsonPropertyName("fbtrace_id")] string FbTraceId);

internal sealed record ErrorBody([property: JsonPropertyName("error")] ErrorDetail Error);

/// <summary>Meta's response shapes, serialized without reflection.</summary>
[JsonSerializable(typeof(SuccessBody))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class EmulatorJson : JsonSerializerContext;
