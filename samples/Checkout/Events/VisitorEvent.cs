using CapiKit;
using Checkout.Shop;

namespace Checkout.Events;

/// <summary>
/// What every website event carries: when, a unique id (shared with the browser Pixel for deduplication), the page,
/// and the identifiers Meta matches a visitor by, taken from the request as Meta wants them: unchanged.
/// The mapped members read the <see cref="Visitor"/>; read-only properties map like any other.
/// </summary>
public abstract class VisitorEvent
{
    public required Visitor Visitor { get; init; }

    [EventTime] public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
    [EventId] public required string EventId { get; init; }
    [EventSourceUrl] public string PageUrl => Visitor.PageUrl;
    [UserData(UserDataField.ClientIpAddress)] public string? ClientIp => Visitor.ClientIp;
    [UserData(UserDataField.ClientUserAgent)] public string UserAgent => Visitor.UserAgent;
    [UserData(UserDataField.ClickId)] public string? ClickId => Visitor.ClickId;
    [UserData(UserDataField.BrowserId)] public string? BrowserId => Visitor.BrowserId;
}
