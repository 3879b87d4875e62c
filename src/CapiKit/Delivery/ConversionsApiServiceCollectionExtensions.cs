using Microsoft.Extensions.Http.Resilience;
using CapiKit.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ConversionsApiClient"/> with its options, HTTP pipeline, logging and metrics.</summary>
public static class ConversionsApiServiceCollectionExtensions
{
    /// <summary>Adds the client, configured in code; returns the HTTP client builder for further handlers.</summary>
    public static IHttpClientBuilder AddConversionsApi(this IServiceCollection services, Action<ConversionsApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConversionsApiOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Adds the client, bound to a configuration section (<c>DatasetId</c>, <c>AccessToken</c>, ...).</summary>
    public static IHttpClientBuilder AddConversionsApi(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ConversionsApiOptions>().Configure(options => Bind(section, options));
        return AddCore(services);
    }

    /// <summary>
    /// Reads the section key by key. Written out rather than through ConfigurationBinder, whose reflection is
    /// neither trimming- nor AOT-safe.
    /// </summary>
    private static void Bind(IConfiguration section, ConversionsApiOptions options)
    {
        options.DatasetId = section[nameof(options.DatasetId)] ?? options.DatasetId;
        options.AccessToken = section[nameof(options.AccessToken)] ?? options.AccessToken;
        options.AppSecret = section[nameof(options.AppSecret)] ?? options.AppSecret;
        options.TestEventCode = section[nameof(options.TestEventCode)] ?? options.TestEventCode;
        options.PartnerAgent = section[nameof(options.PartnerAgent)] ?? options.PartnerAgent;
        options.ApiVersion = section[nameof(options.ApiVersion)] ?? options.ApiVersion;
        if (section[nameof(options.BaseAddress)] is { } address)
        {
            options.BaseAddress = new Uri(address, UriKind.Absolute);
        }

        options.MaxEventsPerRequest = Int(section, nameof(options.MaxEventsPerRequest)) ?? options.MaxEventsPerRequest;
        options.MaxRequestBytes = Int(section, nameof(options.MaxRequestBytes)) ?? options.MaxRequestBytes;
        options.MaxConcurrentRequests = Int(section, nameof(options.MaxConcurrentRequests)) ?? options.MaxConcurrentRequests;
        options.MaxRetryAttempts = Int(section, nameof(options.MaxRetryAttempts)) ?? options.MaxRetryAttempts;
        options.RetryBaseDelay = Span(section, nameof(options.RetryBaseDelay)) ?? options.RetryBaseDelay;
        options.AttemptTimeout = Span(section, nameof(options.AttemptTimeout)) ?? options.AttemptTimeout;
    }

    private static int? Int(IConfiguration section, string key) =>
        section[key] is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Span(IConfiguration section, string key) =>
        section[key] is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliveryMetrics>();
        IHttpClientBuilder builder = services.AddHttpClient<ConversionsApiClient>();

        // Retries sit outside the per-attempt timeout, so a hung attempt is cut and retried.
        builder.AddResilienceHandler("capikit", static (pipeline, context) =>
        {
            ConversionsApiOptions options = context.ServiceProvider.GetRequiredService<IOptions<ConversionsApiOptions>>().Value;
            ILoggerFactory loggers = context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            ILogger logger = loggers.CreateLogger<ConversionsApiClient>();

            // Polly logs two warnings with a stack trace for every failed attempt; a transient failure is expected
            // and retried, so its events go to Debug and CapiKit writes one line per retry instead.
            pipeline.ConfigureTelemetry(new TelemetryOptions
            {
                LoggerFactory = loggers,
                SeverityProvider = static _ => ResilienceEventSeverity.Debug,
            });
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = TransientFailures.ShouldRetry,
                OnRetry = args =>
                {
                    RetryLog.Retrying(logger, args.AttemptNumber + 1, RetryLog.Cause(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }
}
