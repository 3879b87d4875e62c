using CapiKit.Delivery;

namespace CapiKit.Testing.Tests;

/// <summary>The client against the emulator: pre-flight, batching, retries, results, cancellation, secrecy.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task Invalid_events_are_reported_and_never_sent_so_valid_ones_go_through()
    {
        await using Harness harness = await Harness.StartAsync();
        ServerEvent stale = Harness.Purchase(2, age: TimeSpan.FromDays(8));
        ServerEvent noUrl = ServerEvent.Create("Lead", DateTimeOffset.UtcNow, ActionSource.Website).SetEventId("lead-3");
        noUrl.UserData.AddEmail("lead@example.com");
        ServerEvent storeVisit = ServerEvent.ForPhysicalStore(EventDefinition.Purchase(5m, "USD"), DateTimeOffset.UtcNow.AddDays(-30)).SetEventId("store-4");
        storeVisit.UserData.AddPhone("+1 650 555 1212");

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1), stale, noUrl, storeVisit, Harness.Purchase(5)]);

        Assert.Equal([DeliveryOutcome.Accepted, DeliveryOutcome.Failed, DeliveryOutcome.Failed, DeliveryOutcome.Accepted, DeliveryOutcome.Accepted], report.Results.Select(r => r.Outcome));
        Assert.Equal(FailureKind.Preflight, report.Results[1].Failure!.Kind);
        Assert.Equal("CAPI003", report.Results[1].Failure!.DiagnosticId);
        Assert.Equal(2804003, report.Results[1].Failure!.GraphSubcode);
        Assert.Equal("CAPI005", report.Results[2].Failure!.DiagnosticId);
        ReceivedRequest request = Assert.Single(harness.Emulator.Requests);
        Assert.Equal(["order-1", "store-4", "order-5"], request.EventIds);
        Assert.Equal(1, report.RequestsSent);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("abc")]
    public async Task A_currency_that_is_not_ISO_4217_at_run_time_fails_pre_flight_as_CAPI006(string fromTheForm)
    {
        await using Harness harness = await Harness.StartAsync();
        ServerEvent purchase = ServerEvent.ForWebsite(EventDefinition.Purchase(10m, fromTheForm), DateTimeOffset.UtcNow, "https://shop.example/checkout", "Mozilla/5.0 (X11; Linux x86_64)")
            .SetEventId("order-xyz");
        purchase.UserData.AddEmail("customer@example.com");

        DeliveryReport report = await harness.Client.SendAsync([purchase]);

        DeliveryFailure failure = Assert.Single(report.Results).Failure!;
        Assert.Equal(FailureKind.Preflight, failure.Kind);
        Assert.Equal("CAPI006", failure.DiagnosticId);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task Events_are_split_into_requests_of_at_most_1000()
    {
        await using Harness harness = await Harness.StartAsync();

        DeliveryReport report = await harness.Client.SendAsync(Enumerable.Range(0, 2500).Select(i => Harness.Purchase(i)));

        Assert.Equal(3, report.RequestsSent);
        Assert.Equal([500, 1000, 1000], harness.Emulator.Requests.Select(r => r.Events.Count).Order());
        Assert.Equal(2500, report.Accepted.Count());
        Assert.Equal(Enumerable.Range(0, 2500), report.Results.Select(r => r.Index));
    }

    [Fact]
    public async Task A_byte_budget_splits_requests_too()
    {
        await using Harness harness = await Harness.StartAsync(options => options.MaxRequestBytes = 8 * 1024);

        DeliveryReport report = await harness.Client.SendAsync(Enumerable.Range(0, 100).Select(i => Harness.Purchase(i)));

        Assert.True(report.RequestsSent > 1);
        Assert.Equal(100, report.Accepted.Count());
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_Meta_accepts()
    {
        await using Harness harness = await Harness.StartAsync(options => options.MaxRetryAttempts = 8);
        harness.Emulator
            .AddFault(new FaultRule(FaultKind.ServerError, Times: 1))
            .AddFault(new FaultRule(FaultKind.TooManyRequests, Times: 1, RetryAfter: TimeSpan.FromSeconds(1)))
            .AddFault(new FaultRule(FaultKind.GraphError, Times: 1, GraphCode: 2))
            .AddFault(new FaultRule(FaultKind.GraphError, Times: 1, GraphCode: 4))
            .AddFault(new FaultRule(FaultKind.GraphError, Times: 1, GraphCode: 17))
            .AddFault(new FaultRule(FaultKind.GraphError, Times: 1, GraphCode: 613))
            .AddFault(new FaultRule(FaultKind.Timeout, Times: 1, Delay: TimeSpan.FromSeconds(30)));

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1), Harness.Purchase(2)]);

        Assert.All(report.Results, r => Assert.Equal(DeliveryOutcome.Accepted, r.Outcome));
        Assert.Equal(8, harness.Emulator.Requests.Count + 1); // The timed-out attempt is abandoned, not answered.
        Assert.Equal(["order-1", "order-2"], harness.Emulator.AcceptedEventIds);
    }

    [Fact]
    public async Task Validation_errors_are_not_retried()
    {
        await using Harness harness = await Harness.StartAsync();
        harness.Emulator.AddFault(new FaultRule(FaultKind.GraphError, GraphCode: 100));

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1), Harness.Purchase(2)]);

        Assert.Single(harness.Emulator.Requests);
        Assert.All(report.Results, r =>
        {
            Assert.Equal(DeliveryOutcome.Failed, r.Outcome);
            Assert.Equal(FailureKind.GraphError, r.Failure!.Kind);
            Assert.Equal(100, r.Failure.GraphCode);
            Assert.NotNull(r.Failure.FbTraceId);
        });
    }

    [Fact]
    public async Task Retries_that_run_out_end_as_transient_failures()
    {
        await using Harness harness = await Harness.StartAsync(options => options.MaxRetryAttempts = 2);
        harness.Emulator.AddFault(new FaultRule(FaultKind.ServerError));

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1)]);

        Assert.Equal(3, harness.Emulator.Requests.Count);
        Assert.Equal(FailureKind.TransientExhausted, Assert.Single(report.Results).Failure!.Kind);
    }

    [Fact]
    public async Task Under_chaos_every_event_ends_exactly_once()
    {
        await using Harness harness = await Harness.StartAsync(
            options =>
            {
                options.MaxEventsPerRequest = 100;
                options.MaxRetryAttempts = 6;
                options.MaxConcurrentRequests = 8;
            },
            seed: 20261126);
        harness.Emulator
            .AddFault(new FaultRule(FaultKind.ServerError, Probability: 0.1))
            .AddFault(new FaultRule(FaultKind.GraphError, Probability: 0.1, GraphCode: 2));

        DeliveryReport report = await harness.Client.SendAsync(Enumerable.Range(0, 10_000).Select(i => Harness.Purchase(i)));

        Assert.Equal(Enumerable.Range(0, 10_000), report.Results.Select(r => r.Index));
        Assert.Equal(10_000, report.Accepted.Count() + report.Failed.Count());
        string?[] seen = [.. harness.Emulator.AcceptedEventIds];
        Assert.Equal(seen.Length, seen.Distinct().Count());
        Assert.Equal(report.Accepted.Select(r => r.EventId).Order(), seen.Order());
        Assert.Contains(harness.Emulator.Requests, r => r.Fault is not null);
        Assert.True(report.Accepted.Count() > 9_000, report.ToString());
    }

    [Fact]
    public async Task Cancellation_leaves_no_request_running()
    {
        await using Harness harness = await Harness.StartAsync(options => options.AttemptTimeout = TimeSpan.FromSeconds(60));
        harness.Emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromSeconds(30)));
        using CancellationTokenSource cancel = new(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.SendAsync(Enumerable.Range(0, 3000).Select(i => Harness.Purchase(i)), cancel.Token));

        for (int i = 0; i < 100 && harness.Emulator.InFlight > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, harness.Emulator.InFlight);
        Assert.Empty(harness.Emulator.AcceptedEventIds);
    }

    [Fact]
    public async Task The_token_appears_in_no_log_line()
    {
        await using Harness harness = await Harness.StartAsync(options => options.AppSecret = "0123456789abcdef0123456789abcdef");
        await harness.Client.SendAsync([Harness.Purchase(1), Harness.Purchase(2, age: TimeSpan.FromDays(9))]);
        harness.Emulator.AddFault(new FaultRule(FaultKind.GraphError, GraphCode: 100));
        await harness.Client.SendAsync([Harness.Purchase(3)]);

        IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> records = harness.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.All(records, record =>
        {
            Assert.DoesNotContain(Harness.Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789abcdef", record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("customer", record.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Options_and_reports_reveal_no_secret()
    {
        ConversionsApiOptions options = new() { DatasetId = "1", AccessToken = Harness.Token, AppSecret = "s3cret" };
        Assert.DoesNotContain(Harness.Token, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new ConversionsApiOptions { DatasetId = "1" }.Validate());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_appsecret_proof_is_the_HMAC_of_the_token_Meta_checks()
    {
        const string Secret = "0123456789abcdef0123456789abcdef";
        await using Harness withProof = await Harness.StartAsync(options => options.AppSecret = Secret, requiredAppSecret: Secret);
        await using Harness withoutProof = await Harness.StartAsync(requiredAppSecret: Secret);

        DeliveryReport accepted = await withProof.Client.SendAsync([Harness.Purchase(1)]);
        DeliveryReport rejected = await withoutProof.Client.SendAsync([Harness.Purchase(2)]);

        Assert.Equal(DeliveryOutcome.Accepted, Assert.Single(accepted.Results).Outcome);
        EventResult failure = Assert.Single(rejected.Results);
        Assert.Equal(FailureKind.GraphError, failure.Failure!.Kind);
        Assert.Equal(100, failure.Failure.GraphCode);
        Assert.Empty(withoutProof.Emulator.AcceptedEventIds);
        Assert.Equal(["order-1"], withProof.Emulator.AcceptedEventIds);
    }

    [Fact]
    public async Task The_test_event_code_and_partner_agent_are_sent()
    {
        await using Harness harness = await Harness.StartAsync(options =>
        {
            options.TestEventCode = "TEST4242";
            options.PartnerAgent = "capikit-tests";
        });

        await harness.Client.SendAsync([Harness.Purchase(1)]);

        Assert.Equal("TEST4242", Assert.Single(harness.Emulator.Requests).TestEventCode);
    }
}
