using CapiKit;
using CapiKit.AspNetCore;

namespace Checkout.Events;

/// <summary>
/// What every website event carries: when, the request's event id (the Pixel's copy of the event carries the same, so
/// Meta counts it once), the page, and the identifiers Meta matches a visitor by, read from the request by
/// CapiKit.AspNetCore as Meta's Parameter Builder reads them, unchanged. Read-only properties map like any other.
/// </summary>
public abstract class VisitorEvent
{
    public required ConversionsRequest Request { get; init; }

    [EventTime] public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
    [EventId] public string EventId => Request.EventId;
    [EventSourceUrl] public string? PageUrl => Request.EventSourceUrl;
    [UserData(UserDataField.ClientIpAddress)] public string? ClientIp => Request.ClientIpAddress;
    [UserData(UserDataField.ClientUserAgent)] public string UserAgent => Request.UserAgent ?? "unknown";
    [UserData(UserDataField.ClickId)] public string? ClickId => Request.ClickId;
    [UserData(UserDataField.BrowserId)] public string? BrowserId => Request.BrowserId;
}
