namespace CapiKit.Delivery;

/// <summary>
/// Where and how <see cref="ConversionsApiClient"/> delivers events. Bind it from configuration
/// (<c>services.AddConversionsApi(configuration.GetSection("Meta"))</c>); keep the token in a secret store.
/// </summary>
public sealed class ConversionsApiOptions
{
    /// <summary>Meta's Graph API host.</summary>
    public static readonly Uri MetaGraphApi = new("https://graph.facebook.com/");

    /// <summary>The pixel or dataset ID the events belong to.</summary>
    public string DatasetId { get; set; } = "";

    /// <summary>The system-user or dataset access token. A secret: never logged, never in <see cref="ToString"/>.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The app secret; when set, each request carries <c>appsecret_proof</c> (HMAC-SHA256 of the token).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The Graph API host; Meta's by default, the emulator's in tests.</summary>
    public Uri BaseAddress { get; set; } = MetaGraphApi;

    /// <summary>The Graph API version; the one CapiKit's schema describes by default.</summary>
    public string ApiVersion { get; set; } = CapiSchema.GraphApiVersion;

    /// <summary>Routes events to Events Manager's Test Events; leave unset in production.</summary>
    public string? TestEventCode { get; set; }

    /// <summary>Identifies the sending platform to Meta.</summary>
    public string? PartnerAgent { get; set; }

    /// <summary>The most events in one request; Meta accepts at most 1,000.</summary>
    public int MaxEventsPerRequest { get; set; } = CapiSchema.MaxEventsPerRequest;

    /// <summary>The largest request body in bytes; a batch that would exceed it is split.</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many requests may be in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>How many times a transient failure is retried.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter. <c>Retry-After</c> wins when Meta sends it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The events endpoint: <c>{base}/{version}/{dataset}/events</c>.</summary>
    public Uri EventsEndpoint => new(BaseAddress, $"{ApiVersion}/{Uri.EscapeDataString(DatasetId)}/events");

    /// <summary>Throws when the options cannot work; the message never contains the token.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatasetId))
        {
            throw new InvalidOperationException("ConversionsApiOptions.DatasetId is required.");
        }

        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            throw new InvalidOperationException("ConversionsApiOptions.AccessToken is required.");
        }

        if (MaxEventsPerRequest is < 1 or > CapiSchema.MaxEventsPerRequest)
        {
            throw new InvalidOperationException($"ConversionsApiOptions.MaxEventsPerRequest must be from 1 to {CapiSchema.MaxEventsPerRequest}.");
        }

        if (MaxConcurrentRequests < 1 || MaxRequestBytes < 1024)
        {
            throw new InvalidOperationException("ConversionsApiOptions.MaxConcurrentRequests must be positive and MaxRequestBytes at least 1024.");
        }
    }

    /// <summary>Describes the options; the token and secret are withheld.</summary>
    public override string ToString() =>
        $"Dataset {DatasetId} at {BaseAddress}{ApiVersion} (token {(AccessToken.Length > 0 ? "set" : "missing")}, app secret {(AppSecret is null ? "not set" : "set")})";
}
