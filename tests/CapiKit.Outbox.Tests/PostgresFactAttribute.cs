namespace CapiKit.Outbox.Tests;

/// <summary>
/// A test that needs a PostgreSQL server, named by <c>CAPIKIT_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c>
/// starts a throwaway server and sets it). Without it the test is skipped locally, but runs, and fails, under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CAPIKIT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"No PostgreSQL server: set {Variable} to a connection string (.ci/run starts one). Under CI=true this test fails instead.";
        }
    }
}
