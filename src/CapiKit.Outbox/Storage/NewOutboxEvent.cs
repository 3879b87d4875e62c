namespace CapiKit.Outbox.Storage;

/// <summary>An event about to be stored: its identifying fields, and its payload JSON with PII already hashed.</summary>
/// <param name="EventId">The <c>event_id</c>, Meta's deduplication key with the name.</param>
/// <param name="EventName">The <c>event_name</c>.</param>
/// <param name="EventTime">The <c>event_time</c>, in Unix seconds.</param>
/// <param name="Payload">The event's JSON object as <see cref="ServerEvent.WriteTo(System.Buffers.IBufferWriter{byte})"/> writes it.</param>
public sealed record NewOutboxEvent(string? EventId, string EventName, long EventTime, ReadOnlyMemory<byte> Payload);
