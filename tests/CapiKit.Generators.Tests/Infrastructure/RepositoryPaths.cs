namespace CapiKit.Generators.Tests.Infrastructure;

/// <summary>
/// Finds the repository from the test's output folder. CallerFilePath cannot be used: CI builds map source paths
/// to "/_/" for deterministic output.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "CapiKit.Generators.Tests");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generators.sln above {AppContext.BaseDirectory}.");
    }
}
