namespace CapiKit.AspNetCore.Queue;

/// <summary>An event as written when queued (PII already hashed), its name for logs, and when it was queued.</summary>
internal readonly record struct QueuedEvent(ReadOnlyMemory<byte> Json, string EventName, long QueuedAt);
