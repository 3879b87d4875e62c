using System.Diagnostics;
using BenchmarkDotNet.Running;
using CapiKit.Outbox.Benchmarks;

// dotnet run -c Release --project benchmarks/CapiKit.Outbox.Benchmarks -- --quick [sqlite|postgres]
//   times enqueueing 20,000 events with no worker, then draining them, once each: a quick figure for the notes
// dotnet run -c Release --project benchmarks/CapiKit.Outbox.Benchmarks -- [BenchmarkDotNet arguments]
if (args.Length > 0 && args[0] == "--quick")
{
    foreach (string store in args.Length > 1 ? args[1..] : ["sqlite", "postgres"])
    {
        const int Count = 20_000;
        await using OutboxRig rig = await OutboxRig.StartAsync(store);
        await rig.EnqueueAsync(1000); // warm up: JIT, schema, pools
        await rig.StartWorkerAsync();
        await rig.WaitForDeliveryAsync();

        await using OutboxRig cold = await OutboxRig.StartAsync(store);
        await cold.EnqueueAsync(1);
        Stopwatch enqueue = Stopwatch.StartNew();
        await cold.EnqueueAsync(Count);
        enqueue.Stop();
        Stopwatch drain = Stopwatch.StartNew();
        await cold.StartWorkerAsync();
        await cold.WaitForDeliveryAsync();
        drain.Stop();
        Console.WriteLine($"{store}: enqueue {Count / enqueue.Elapsed.TotalSeconds:N0} events/s, drain {Count / drain.Elapsed.TotalSeconds:N0} events/s");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(OutboxBenchmarks).Assembly).Run(args);
