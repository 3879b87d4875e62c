using System.Data.Common;
using CapiKit.Delivery;

namespace CapiKit.Outbox.Storage;

/// <summary>
/// What every store writes and reads the same way, so the stores differ only in their SQL dialect: the column values
/// of a completion, and the reading of failed rows.
/// </summary>
public static class OutboxRows
{
    /// <summary>The columns <see cref="ReadFailedAsync"/> reads, in its order.</summary>
    public const string FailedColumns = "id, event_id, event_name, event_time, attempts, completed_at, error_kind, error_code, error_subcode, error_message, diagnostic_id";

    /// <summary>
    /// The values of <c>state, completed_at, fbtrace_id, next_attempt_at, error_kind, error_code, error_subcode,
    /// error_message, diagnostic_id</c> for a completion (times as Unix milliseconds; null for SQL NULL). A retried
    /// event keeps its last error, so a stuck queue shows why.
    /// </summary>
    public static object?[] CompletionValues(OutboxCompletion completion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(completion);
        DeliveryFailure? failure = completion.Failure;
        return
        [
            (int)completion.State,
            completion.State == OutboxEventState.Pending ? null : now.ToUnixTimeMilliseconds(),
            completion.FbTraceId,
            completion.NextAttemptAt?.ToUnixTimeMilliseconds(),
            failure?.Kind.ToString(),
            failure?.GraphCode,
            failure?.GraphSubcode,
            failure is null ? null : failure.UserMessage is { Length: > 0 } user ? $"{failure.Message}: {user}" : failure.Message,
            failure?.DiagnosticId,
        ];
    }

    /// <summary>Reads rows selected with <see cref="FailedColumns"/>.</summary>
    public static async Task<IReadOnlyList<FailedOutboxEvent>> ReadFailedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<FailedOutboxEvent> failed = [];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            failed.Add(new FailedOutboxEvent(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3)),
                reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.IsDBNull(5) ? 0 : reader.GetInt64(5)),
                reader.IsDBNull(6) ? "" : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return failed;
    }
}
