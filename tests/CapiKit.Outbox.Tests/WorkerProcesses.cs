namespace CapiKit.Outbox.Tests;

/// <summary>
/// The tests that start worker processes run one after another: on two cores, a kill test beside the many-instances
/// test would make the throughput comparison measure the other test's CPU.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WorkerProcesses
{
    public const string Name = "Worker processes";
}
