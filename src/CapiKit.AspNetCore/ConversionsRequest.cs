namespace CapiKit.AspNetCore;

/// <summary>
/// What one request says about the visitor, as Meta wants it (values unchanged: never hashed, trimmed or case-changed),
/// and the request's event id. Get it with <c>HttpContext.GetConversionsRequest()</c>. Events passed to
/// <see cref="Track"/> get what they lack from here and are written into the page by the Pixel helpers with the same
/// event id, so Meta counts the browser's and the server's copy once.
/// </summary>
public sealed class ConversionsRequest
{
    private readonly List<ServerEvent> _tracked = [];
    private string? _eventId;

    internal ConversionsRequest(string? clickId, string? browserId, string? clientIpAddress, string? userAgent, string? eventSourceUrl, string? referrerUrl)
    {
        ClickId = clickId;
        BrowserId = browserId;
        ClientIpAddress = clientIpAddress;
        UserAgent = userAgent;
        EventSourceUrl = eventSourceUrl;
        ReferrerUrl = referrerUrl;
    }

    /// <summary><c>fbc</c>: the <c>_fbc</c> cookie, or the one made now from the URL's <c>fbclid</c>.</summary>
    public string? ClickId { get; }

    /// <summary><c>fbp</c>: the <c>_fbp</c> cookie, or the one made now when the visitor had none.</summary>
    public string? BrowserId { get; }

    /// <summary><c>client_ip_address</c>: the visitor's public address, IPv6 preferred; null when only private ones are known.</summary>
    public string? ClientIpAddress { get; }

    /// <summary><c>client_user_agent</c>: the <c>User-Agent</c> header.</summary>
    public string? UserAgent { get; }

    /// <summary><c>event_source_url</c>: the page's full address, as the browser asked for it.</summary>
    public string? EventSourceUrl { get; }

    /// <summary><c>referrer_url</c>: the <c>Referer</c> header.</summary>
    public string? ReferrerUrl { get; }

    /// <summary>
    /// The request's event id, made on first use and the same afterwards: Meta deduplicates on event id and event
    /// name, so every event of one request (a <c>ViewContent</c>, an <c>AddToCart</c>) may share it.
    /// </summary>
    public string EventId => _eventId ??= Guid.NewGuid().ToString("N");

    /// <summary>The events tracked so far, in order; the Pixel helpers write each of them into the page.</summary>
    public IReadOnlyList<ServerEvent> TrackedEvents
    {
        get
        {
            lock (_tracked)
            {
                return _tracked.ToArray();
            }
        }
    }

    /// <summary>
    /// A website event of this request: its page, user agent, event id and visitor data. Track it
    /// (<c>HttpContext.TrackAsync</c>) to queue it and write its Pixel twin into the page.
    /// </summary>
    /// <param name="definition">The event and its required custom data (<c>EventDefinition.Purchase(value, currency)</c>).</param>
    /// <param name="eventTime">When it happened; now, usually.</param>
    public ServerEvent NewWebsiteEvent(EventDefinition definition, DateTimeOffset eventTime)
    {
        // Without a page or a user agent the event is still made: the client's pre-flight reports it, never Meta.
        ServerEvent serverEvent = ServerEvent.ForWebsite(definition, eventTime, EventSourceUrl ?? "", UserAgent ?? "");
        return serverEvent.SetEventId(EventId);
    }

    /// <summary>
    /// Fills what the event lacks from the request (event id, URLs, <c>fbc</c>, <c>fbp</c>, IP, user agent; what it
    /// has is kept) and remembers it for the Pixel. Returns the same event, ready for the queue.
    /// </summary>
    public ServerEvent Track(ServerEvent serverEvent)
    {
        ArgumentNullException.ThrowIfNull(serverEvent);
        if (serverEvent.EventId is null)
        {
            serverEvent.SetEventId(EventId);
        }

        if (serverEvent.EventSourceUrl is null && EventSourceUrl is not null)
        {
            serverEvent.SetEventSourceUrl(EventSourceUrl);
        }

        if (serverEvent.ReferrerUrl is null && ReferrerUrl is not null)
        {
            serverEvent.SetReferrerUrl(ReferrerUrl);
        }

        UserData user = serverEvent.UserData;
        if (user.ClickId is null && ClickId is not null)
        {
            user.SetClickId(ClickId);
        }

        if (user.BrowserId is null && BrowserId is not null)
        {
            user.SetBrowserId(BrowserId);
        }

        if (user.ClientIpAddress is null && ClientIpAddress is not null)
        {
            user.SetClientIpAddress(ClientIpAddress);
        }

        if (user.ClientUserAgent is null && UserAgent is not null)
        {
            user.SetClientUserAgent(UserAgent);
        }

        lock (_tracked)
        {
            _tracked.Add(serverEvent);
        }

        return serverEvent;
    }

    /// <summary>Which values are known, never the values (the IP and the ids identify a visitor).</summary>
    public override string ToString() =>
        $"ConversionsRequest (fbc {Known(ClickId)}, fbp {Known(BrowserId)}, IP {Known(ClientIpAddress)}, {TrackedEvents.Count} events tracked)";

    private static string Known(string? value) => value is null ? "absent" : "present";
}
