using System.Globalization;

namespace CapiKit.Outbox.Worker;

/// <summary>The helper's command line: <c>--name value</c> pairs and bare <c>--flags</c>.</summary>
internal sealed class WorkerArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public WorkerArguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i].TrimStart('-');
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : "true";
        }
    }

    public string Store => Text("store", "sqlite");

    public string Connection => Text("connection", "");

    public Uri Endpoint => new(Text("endpoint", ""), UriKind.Absolute);

    public int Enqueue => Number("enqueue", 0);

    public string Prefix => Text("prefix", "ev");

    public int BatchSize => Number("batch", 1000);

    public int RequestSize => Number("request-size", 1000);

    public TimeSpan Lease => TimeSpan.FromMilliseconds(Number("lease-ms", 120_000));

    public TimeSpan Poll => TimeSpan.FromMilliseconds(Number("poll-ms", 100));

    public bool ExitWhenEmpty => _values.ContainsKey("exit-when-empty");

    public bool WaitForGo => _values.ContainsKey("wait-for-go");

    private string Text(string name, string fallback) => _values.TryGetValue(name, out string? value) ? value : fallback;

    private int Number(string name, int fallback) =>
        _values.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
