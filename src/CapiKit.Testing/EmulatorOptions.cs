namespace CapiKit.Testing;

/// <summary>How the emulator behaves.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The access token requests must carry; null accepts any non-empty token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The app secret; when set, requests must carry <c>appsecret_proof</c>, the lower-case hex HMAC-SHA256 of the
    /// access token keyed with it, as Meta checks for apps that require it.
    /// </summary>
    public string? AppSecret { get; set; }

    /// <summary>The clock for the <c>event_time</c> window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seed of the random source that decides probabilistic faults.</summary>
    public int Seed { get; set; } = 1;
}
