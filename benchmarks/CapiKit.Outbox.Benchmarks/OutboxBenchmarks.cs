using BenchmarkDotNet.Attributes;

namespace CapiKit.Outbox.Benchmarks;

/// <summary>
/// Enqueue then drain through the worker to an emulator with no latency, per event. The store and the worker run in
/// this process, as in an app; the emulator's validation of each event is part of the cost, as Meta's would be.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class OutboxBenchmarks
{
    public const int Events = 10_000;

    private OutboxRig _rig = null!;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _rig = OutboxRig.StartAsync(Store).GetAwaiter().GetResult();
        _rig.StartWorkerAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task EnqueueAndDrain()
    {
        await _rig.EnqueueAsync(Events);
        await _rig.WaitForDeliveryAsync();
    }
}
