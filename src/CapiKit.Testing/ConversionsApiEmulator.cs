using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CapiKit.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapiKit.Testing;

/// <summary>
/// A local Conversions API endpoint on 127.0.0.1 and a free port, speaking Meta's request and response shapes:
/// <c>POST /{version}/{dataset}/events</c> answers <c>{"events_received","messages","fbtrace_id"}</c>, or a Graph error
/// envelope (code 100 with Meta's subcodes) for what Meta would reject, decided by the same schema rules as the
/// client's pre-flight. It records what it received and can inject faults.
/// </summary>
public sealed class ConversionsApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorOptions _options;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<(string EventId, string EventName), int> _arrivals = new();
    private readonly List<(FaultRule Rule, int Fired)> _faults = [];
    private readonly Random _random;
    private readonly object _gate = new();
    private int _inFlight;

    private ConversionsApiEmulator(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>The root to point the client at (<c>ConversionsApiOptions.BaseAddress</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request answered, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>The <c>event_id</c> of every event in an accepted request.</summary>
    public IReadOnlyList<string?> AcceptedEventIds => _requests.Where(r => r.StatusCode == 200).SelectMany(r => r.EventIds).ToArray();

    /// <summary>
    /// How many times each <c>event_id</c> + <c>event_name</c> arrived in an accepted request. Meta deduplicates on
    /// that pair, so a count above one is a harmless resend; a pair that is missing is a lost event. Events without
    /// an <c>event_id</c> are not deduplicated by Meta and are not counted here.
    /// </summary>
    public IReadOnlyDictionary<(string EventId, string EventName), int> Arrivals => new Dictionary<(string EventId, string EventName), int>(_arrivals);

    /// <summary>How many distinct events (<c>event_id</c> + <c>event_name</c>) arrived, as Meta would count them after deduplication.</summary>
    public int DistinctEventCount => _arrivals.Count;

    /// <summary>How many times the event arrived in an accepted request; 0 when it never did.</summary>
    public int ArrivalCount(string eventId, string eventName) => _arrivals.TryGetValue((eventId, eventName), out int count) ? count : 0;

    /// <summary>Requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Starts an emulator on loopback.</summary>
    public static async Task<ConversionsApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        ConversionsApiEmulator emulator = new(app, options ?? new EmulatorOptions());
        app.MapPost("/{version}/{datasetId}/events", emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>Adds a fault; rules are tried in the order added, and the first that fires applies.</summary>
    public ConversionsApiEmulator AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _faults.Add((rule, 0));
        }

        return this;
    }

    /// <summary>Removes every fault rule.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context, string version, string datasetId)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            FaultRule? fault = NextFault();
            if (fault is not null && await InjectAsync(context, fault).ConfigureAwait(false))
            {
                _requests.Enqueue(new ReceivedRequest(datasetId, context.Response.StatusCode, [], [], null, fault.Kind));
                return;
            }

            JsonDocument body;
            try
            {
                body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                await ErrorAsync(context, 100, null, "Invalid parameter", "The request body is not JSON.").ConfigureAwait(false);
                return;
            }

            using (body)
            {
                try
                {
                    await AnswerAsync(context, datasetId, body.RootElement, fault?.Kind).ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (!context.Response.HasStarted)
                {
                    // A string with an unpaired surrogate escape ("\ud800") parses as JSON but is no text, and
                    // JsonElement throws when it is read. Meta answers such a body with a parameter error, not a 500.
                    await ErrorAsync(context, 100, null, "Invalid parameter", "The request body has a string that is not well-formed Unicode text.").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context, string datasetId, JsonElement body, FaultKind? fault)
    {
        string? token = body.TryGetProperty("access_token", out JsonElement t) ? t.GetString() : context.Request.Query["access_token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token) || (_options.AccessToken is not null && token != _options.AccessToken))
        {
            await ErrorAsync(context, 190, null, "Invalid OAuth access token", "Invalid OAuth access token - Cannot parse access token", type: "OAuthException").ConfigureAwait(false);
            return;
        }

        if (_options.AppSecret is { } secret && !ProofMatches(body, token, secret))
        {
            await ErrorAsync(context, 100, null, "Invalid appsecret_proof", "Invalid appsecret_proof provided in the API argument").ConfigureAwait(false);
            return;
        }

        if (!body.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            await ErrorAsync(context, 100, null, "Invalid parameter", "The parameter data is required").ConfigureAwait(false);
            return;
        }

        if (data.GetArrayLength() > CapiSchema.MaxEventsPerRequest)
        {
            EventProblem tooMany = RuleBook.TooManyEvents.TooMany("data", CapiSchema.MaxEventsPerRequest, data.GetArrayLength());
            string error = await ErrorAsync(context, tooMany.Code, tooMany.Subcode, tooMany.Title, tooMany.Message).ConfigureAwait(false);
            Record(datasetId, data, body, 400, fault, error, [tooMany]);
            return;
        }

        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        List<EventProblem> problems = [];
        (EventProblem Problem, int Index)? first = null;
        int index = 0;
        foreach (JsonElement serverEvent in data.EnumerateArray())
        {
            IReadOnlyList<EventProblem> found = EventRules.Validate(serverEvent, now);
            if (found.Count > 0 && first is null)
            {
                first = (found[0], index);
            }

            problems.AddRange(found);
            index++;
        }

        if (first is ({ } problem, int at))
        {
            // Meta answers with the first problem of the first invalid event; the record keeps them all.
            string error = await ErrorAsync(context, problem.Code, problem.Subcode, problem.Title, $"{problem.Message} (data[{at}])").ConfigureAwait(false);
            Record(datasetId, data, body, 400, fault, error, problems);
            return;
        }

        string answer = JsonSerializer.Serialize(new SuccessBody(data.GetArrayLength(), [], TraceId()), EmulatorJson.Default.SuccessBody);
        Record(datasetId, data, body, 200, fault, answer);
        await WriteAsync(context, 200, answer).ConfigureAwait(false);
    }

    private static bool ProofMatches(JsonElement body, string token, string secret)
    {
        string expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
        return body.TryGetProperty("appsecret_proof", out JsonElement proof) && proof.GetString() == expected;
    }

    private void Record(string datasetId, JsonElement data, JsonElement body, int status, FaultKind? fault, string response, IReadOnlyList<EventProblem>? problems = null)
    {
        List<string> events = [];
        List<string?> ids = [];
        foreach (JsonElement serverEvent in data.EnumerateArray())
        {
            events.Add(serverEvent.GetRawText());
            string? eventId = serverEvent.TryGetProperty("event_id", out JsonElement id) ? TextOrNull(id) : null;
            ids.Add(eventId);
            if (status == 200 && eventId is not null && serverEvent.TryGetProperty("event_name", out JsonElement name) && TextOrNull(name) is { } eventName)
            {
                _arrivals.AddOrUpdate((eventId, eventName), 1, static (_, count) => count + 1);
            }
        }

        string? testCode = body.TryGetProperty("test_event_code", out JsonElement code) ? TextOrNull(code) : null;
        _requests.Enqueue(new ReceivedRequest(datasetId, status, events, ids, testCode, fault, response, problems ?? []));
    }

    /// <summary>A string's text; null for other kinds and for a string that is no text (an unpaired surrogate escape).</summary>
    private static string? TextOrNull(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private FaultRule? NextFault()
    {
        lock (_gate)
        {
            for (int i = 0; i < _faults.Count; i++)
            {
                (FaultRule rule, int fired) = _faults[i];
                if ((rule.Times is null || fired < rule.Times) && _random.NextDouble() < rule.Probability)
                {
                    _faults[i] = (rule, fired + 1);
                    return rule;
                }
            }

            return null;
        }
    }

    /// <summary>Applies a fault; true when it answered the request, false when the request goes on (a slow answer).</summary>
    private static async Task<bool> InjectAsync(HttpContext context, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.ServerError:
                context.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
                return true;
            case FaultKind.ServiceUnavailable:
                context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                return true;
            case FaultKind.TooManyRequests:
                context.Response.StatusCode = (int)HttpStatusCode.TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case FaultKind.Timeout:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
                context.Response.StatusCode = (int)HttpStatusCode.GatewayTimeout;
                return true;
            case FaultKind.SlowResponse:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(1), context.RequestAborted).ConfigureAwait(false);
                return false;
            default:
                bool transient = CapiSchema.IsRetryable(fault.GraphCode);
                await ErrorAsync(context, fault.GraphCode, null, transient ? "Temporary failure" : "Invalid parameter", transient ? "Please retry your request later." : "Injected validation error.", transient).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>Answers with a Graph error envelope; returns the JSON it wrote.</summary>
    private static async Task<string> ErrorAsync(HttpContext context, int code, int? subcode, string title, string userMessage, bool transient = false, string type = "OAuthException")
    {
        ErrorBody body = new(new ErrorDetail(title, type, code, subcode, transient, title, userMessage, TraceId()));
        string json = JsonSerializer.Serialize(body, EmulatorJson.Default.ErrorBody);
        await WriteAsync(context, 400, json).ConfigureAwait(false);
        return json;
    }

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static string TraceId() => "A" + Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..20].Replace('+', '-').Replace('/', '_');
}
