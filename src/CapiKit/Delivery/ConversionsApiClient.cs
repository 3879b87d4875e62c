using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CapiKit.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CapiKit.Delivery;

/// <summary>
/// Sends events to Meta's Conversions API: checks every event first (an invalid one is reported and never sent, so
/// it cannot sink its batch), batches the rest (at most 1,000 events and a bounded body per request), sends batches
/// in parallel up to a limit, and reports each event as accepted or failed, exactly once. Transient failures are
/// retried by the HTTP pipeline that <c>services.AddConversionsApi(...)</c> sets up.
/// </summary>
public sealed partial class ConversionsApiClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");

    private readonly HttpClient _http;
    private readonly ConversionsApiOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DeliveryMetrics? _metrics;
    private readonly string? _appSecretProof;

    /// <summary>Creates a client over an <see cref="HttpClient"/> (from <c>AddConversionsApi</c>, with retries).</summary>
    public ConversionsApiClient(
        HttpClient httpClient,
        IOptions<ConversionsApiOptions> options,
        ILogger<ConversionsApiClient>? logger = null,
        TimeProvider? timeProvider = null,
        DeliveryMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options.Value;
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
        _appSecretProof = _options.AppSecret is { Length: > 0 } secret
            ? Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_options.AccessToken))).ToLowerInvariant()
            : null;
    }

    /// <summary>Checks, batches and sends the events; returns one result per event, in input order.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; requests in flight are cancelled too.</exception>
    public async Task<DeliveryReport> SendAsync(IEnumerable<ServerEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        List<ServerEvent> all = [.. events];
        for (int index = 0; index < all.Count; index++)
        {
            if (all[index] is null)
            {
                throw new ArgumentException($"Event {index} is null.", nameof(events));
            }
        }

        List<ReadOnlyMemory<byte>> written = new(all.Count);
        using (RequestHashes.Begin(all))
        {
            // Every event's pending user_data values are hashed in one batch; each event is still written on its own.
            foreach (ServerEvent serverEvent in all)
            {
                ArrayBufferWriter<byte> json = new(512);
                serverEvent.WriteTo(json);
                written.Add(json.WrittenMemory);
            }
        }

        return await SendSerializedAsync(written, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks, batches and sends events written earlier with
    /// <see cref="ServerEvent.WriteTo(System.Buffers.IBufferWriter{byte})"/> (one event's JSON object each, as an outbox
    /// stores them); returns one result per event, in input order. The checks are <see cref="SendAsync"/>'s and run
    /// now, so an event that has aged out of Meta's window since it was written fails pre-flight with the <c>event_time</c> window's reason instead of
    /// sinking its batch, and bytes that are not one JSON event fail pre-flight too.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; requests in flight are cancelled too.</exception>
    public async Task<DeliveryReport> SendSerializedAsync(IReadOnlyList<ReadOnlyMemory<byte>> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        EventResult?[] results = new EventResult?[events.Count];
        List<PreparedEvent> ready = Preflight(events, results);

        int requests = 0;
        await Parallel.ForEachAsync(
            Batch(ready),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                Interlocked.Increment(ref requests);
                foreach (EventResult result in await SendBatchAsync(batch, token).ConfigureAwait(false))
                {
                    results[result.Index] = result;
                }
            }).ConfigureAwait(false);

        EventResult[] final = new EventResult[results.Length];
        for (int i = 0; i < results.Length; i++)
        {
            final[i] = results[i] ?? throw new InvalidOperationException($"Event {i} has no result; this is a CapiKit bug.");
        }

        return new DeliveryReport(final, requests);
    }

    private List<PreparedEvent> Preflight(IReadOnlyList<ReadOnlyMemory<byte>> events, EventResult?[] results)
    {
        DateTimeOffset now = _time.GetUtcNow();
        List<PreparedEvent> ready = new(events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            ReadOnlyMemory<byte> bytes = events[i];
            IReadOnlyList<EventProblem> problems;
            string? eventId = null;
            string eventName = "";
            try
            {
                using JsonDocument document = JsonDocument.Parse(bytes);
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    eventId = root.TryGetProperty("event_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    eventName = root.TryGetProperty("event_name", out JsonElement name) && name.ValueKind == JsonValueKind.String ? name.GetString() ?? "" : "";
                }

                problems = EventRules.Validate(root, now);
            }
            catch (JsonException)
            {
                problems = [new EventProblem("data[]", "the event is not JSON", 100, null, "Invalid parameter", null)];
            }

            if (problems.Count == 0 && bytes.Length + EnvelopeBytes > _options.MaxRequestBytes)
            {
                // Alone in a request it would still exceed what Meta takes (about 4 MB), and no batching can help.
                problems = [new EventProblem("", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the event is {bytes.Length:N0} bytes of JSON; a request holds at most {_options.MaxRequestBytes:N0}"), 100, null, "Request too large", null)];
            }

            if (problems.Count == 0)
            {
                ready.Add(new PreparedEvent(i, eventId, bytes));
                continue;
            }

            LogPreflightFailure(_logger, i, eventName, string.Join("; ", problems));
            _metrics?.Failed(1, FailureKind.Preflight);
            results[i] = new EventResult(i, eventId, DeliveryOutcome.Failed, null, new DeliveryFailure(
                FailureKind.Preflight,
                string.Join("; ", problems),
                GraphCode: problems[0].Code,
                GraphSubcode: problems[0].Subcode,
                DiagnosticId: problems.Select(p => p.DiagnosticId).FirstOrDefault(id => id is not null),
                Problems: problems));
        }

        return ready;
    }

    // "data", the token, the proof and the options around the events.
    private const int EnvelopeBytes = 1024;

    /// <summary>Groups events into requests of at most the configured count and body size.</summary>
    private IEnumerable<List<PreparedEvent>> Batch(List<PreparedEvent> events)
    {
        List<PreparedEvent> batch = [];
        int bytes = EnvelopeBytes;
        foreach (PreparedEvent item in events)
        {
            if (batch.Count > 0 && (batch.Count == _options.MaxEventsPerRequest || bytes + item.Json.Length + 1 > _options.MaxRequestBytes))
            {
                yield return batch;
                batch = [];
                bytes = EnvelopeBytes;
            }

            batch.Add(item);
            bytes += item.Json.Length + 1;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<IEnumerable<EventResult>> SendBatchAsync(List<PreparedEvent> batch, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            using ByteArrayContent content = new(Body(batch));
            content.Headers.ContentType = Json;
            using HttpResponseMessage response = await _http.PostAsync(_options.EventsEndpoint, content, cancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _metrics?.Request(response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response.IsSuccessStatusCode ? Accepted(batch, body) : Rejected(batch, (int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _metrics?.Request(false, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            string cause = TransportCause(e);
            LogTransportFailure(_logger, batch.Count, cause);
            FailureKind kind = e is HttpRequestException ? FailureKind.Transport : FailureKind.TransientExhausted;
            return Fail(batch, new DeliveryFailure(kind, $"The request failed after its retries: {cause}"));
        }
    }

    /// <summary>
    /// What went wrong on the wire, from the exception chain: the kind of HTTP failure and the innermost cause
    /// ("Connection refused (127.0.0.1:5000)"). Those messages name hosts and ports, never the body, so no token
    /// or customer value can be in them.
    /// </summary>
    private static string TransportCause(Exception e)
    {
        if (e is TimeoutRejectedException timeout)
        {
            return $"no answer within {timeout.Timeout.TotalSeconds:0.###} s.";
        }

        if (e is OperationCanceledException)
        {
            return "the request timed out.";
        }

        string kind = e is HttpRequestException { HttpRequestError: var error and not HttpRequestError.Unknown } ? $"{error}: " : "";
        return $"{kind}{RetryLog.InnermostMessage(e)}.";
    }

    private IEnumerable<EventResult> Accepted(List<PreparedEvent> batch, byte[] body)
    {
        string? trace = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            trace = document.RootElement.TryGetProperty("fbtrace_id", out JsonElement id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            // A 2xx without Meta's body still means accepted; only the trace ID is lost.
        }

        LogAccepted(_logger, batch.Count, trace ?? "none");
        _metrics?.Accepted(batch.Count);
        return batch.Select(e => new EventResult(e.Index, e.EventId, DeliveryOutcome.Accepted, trace, null));
    }

    private IEnumerable<EventResult> Rejected(List<PreparedEvent> batch, int status, byte[] body)
    {
        GraphError? error = GraphError.TryParse(body);
        bool transient = TransientFailures.IsTransient(status, error);
        string message = error is null ? $"HTTP {status} without a Graph error body." : error.UserTitle ?? error.Message;
        LogRejected(_logger, batch.Count, error?.Code, error?.Subcode, message, error?.FbTraceId ?? "none");
        return Fail(batch, new DeliveryFailure(
            transient ? FailureKind.TransientExhausted : FailureKind.GraphError,
            message,
            error?.Code,
            error?.Subcode,
            error?.FbTraceId,
            error?.UserMessage,
            error is null ? null : CapiSchema.DiagnosticFor(error.Code, error.Subcode)));
    }

    private IEnumerable<EventResult> Fail(List<PreparedEvent> batch, DeliveryFailure failure)
    {
        _metrics?.Failed(batch.Count, failure.Kind);
        return batch.Select(e => new EventResult(e.Index, e.EventId, DeliveryOutcome.Failed, failure.FbTraceId, failure));
    }

    /// <summary>The request body: the events as already written, then the token and options. Never logged.</summary>
    private byte[] Body(List<PreparedEvent> batch)
    {
        ArrayBufferWriter<byte> buffer = new(batch.Sum(e => e.Json.Length + 1) + 512);
        using (Utf8JsonWriter writer = new(buffer, JsonText.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(DataName);
            foreach (PreparedEvent item in batch)
            {
                writer.WriteRawValue(item.Json.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("access_token", _options.AccessToken);
            if (_appSecretProof is not null)
            {
                writer.WriteString("appsecret_proof", _appSecretProof);
            }

            if (_options.TestEventCode is { Length: > 0 } testCode)
            {
                writer.WriteString("test_event_code", testCode);
            }

            if (_options.PartnerAgent is { Length: > 0 } agent)
            {
                writer.WriteString("partner_agent", agent);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed record PreparedEvent(int Index, string? EventId, ReadOnlyMemory<byte> Json);
}
