using System.Net;
using System.Net.Sockets;
using CapiKit.Delivery;

namespace CapiKit.Testing.Tests;

/// <summary>What delivery results and logs say reads well, names its cause, and carries no customer value or token.</summary>
public sealed class DeliveryMessageTests
{
    [Fact]
    public async Task A_preflight_failure_prints_its_problems_not_a_collection_type()
    {
        await using Harness harness = await Harness.StartAsync();

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1, age: TimeSpan.FromDays(8))]);

        string text = report.Results[0].Failure!.ToString();
        Assert.StartsWith("Preflight: ", text, StringComparison.Ordinal);
        Assert.Contains("event_time", text, StringComparison.Ordinal);
        Assert.Contains("CAPI003", text, StringComparison.Ordinal);
        Assert.Contains("subcode 2804003", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
        Assert.DoesNotContain("customer1@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_and_logs_count_in_good_English()
    {
        await using Harness harness = await Harness.StartAsync();

        DeliveryReport one = await harness.Client.SendAsync([Harness.Purchase(1)]);
        DeliveryReport two = await harness.Client.SendAsync([Harness.Purchase(2), Harness.Purchase(3)]);

        Assert.Equal("1 event accepted, 0 failed, in 1 request", one.ToString());
        Assert.Equal("2 events accepted, 0 failed, in 1 request", two.ToString());
        Assert.All(harness.Logs.GetSnapshot(), log =>
        {
            Assert.DoesNotContain("1 events", log.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(" )", log.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_transport_failure_names_its_cause()
    {
        int closedPort = ClosedLoopbackPort();
        await using Harness harness = await Harness.StartAsync(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/");
            options.MaxRetryAttempts = 1;
        });

        DeliveryReport report = await harness.Client.SendAsync([Harness.Purchase(1)]);

        DeliveryFailure failure = report.Results[0].Failure!;
        Assert.Equal(FailureKind.Transport, failure.Kind);
        Assert.Contains("ConnectionError", failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Harness.Token, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_larger_than_a_request_fails_preflight_with_its_size()
    {
        await using Harness harness = await Harness.StartAsync(options => options.MaxRequestBytes = 64 * 1024);
        ServerEvent huge = Harness.Purchase(1);
        huge.CustomData!.SetCustomProperty("notes", new string('x', 100_000));

        DeliveryReport report = await harness.Client.SendAsync([huge, Harness.Purchase(2)]);

        Assert.Equal(FailureKind.Preflight, report.Results[0].Failure!.Kind);
        Assert.Contains("a request holds at most 65,536", report.Results[0].Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutcome.Accepted, report.Results[1].Outcome);
        Assert.Equal(["order-2"], Assert.Single(harness.Emulator.Requests).EventIds);
    }

    [Fact]
    public async Task Each_retry_is_one_log_line_without_a_stack_trace()
    {
        int closedPort = ClosedLoopbackPort();
        await using Harness harness = await Harness.StartAsync(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/");
            options.MaxRetryAttempts = 3;
        });

        await harness.Client.SendAsync([Harness.Purchase(1)]);

        var lines = harness.Logs.GetSnapshot().Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.All(lines, l => Assert.Null(l.Exception));
        Assert.Equal(3, lines.Count(l => l.Message.Contains("retrying in", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Message.StartsWith("Attempt 1 failed (Connection refused", StringComparison.Ordinal));
        Assert.Equal(4, lines.Count);   // three retries, then the one failure of the request
    }

    private static int ClosedLoopbackPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
