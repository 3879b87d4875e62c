using CapiKit;

namespace Checkout.Events;

/// <summary>
/// What every website event carries: when, a unique id (shared with the browser Pixel for deduplication), the page,
/// and the identifiers Meta matches a visitor by, taken from the request as Meta wants them: unchanged.
/// </summary>
public abstract class VisitorEvent
{
    [EventTime] public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
    [EventId] public required string EventId { get; init; }
    [EventSourceUrl] public required string PageUrl { get; init; }
    [UserData(UserDataField.ClientIpAddress)] public string? ClientIp { get; init; }
    [UserData(UserDataField.ClientUserAgent)] public required string UserAgent { get; init; }
    [UserData(UserDataField.ClickId)] public string? ClickId { get; init; }
    [UserData(UserDataField.BrowserId)] public string? BrowserId { get; init; }
}
