namespace CapiKit.Generators.Tests.Infrastructure;

/// <summary>
/// Expected generated sources kept as files under Baselines/, like the System.Text.Json generator's tests.
/// Set CAPIKIT_UPDATE_BASELINES=1 to rewrite them from the current output, then review the diff.
/// </summary>
internal static class Baselines
{
    private static bool Update => Environment.GetEnvironmentVariable("CAPIKIT_UPDATE_BASELINES") == "1";

    public static void AssertMatches(string folder, IReadOnlyDictionary<string, string> actualByHintName)
    {
        string directory = Path.Combine(RepositoryPaths.TestProject, "Baselines", folder);
        if (Update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach ((string hintName, string source) in actualByHintName)
            {
                File.WriteAllText(Path.Combine(directory, hintName + ".txt"), source);
            }

            return;
        }

        string[] expectedFiles = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.txt") : [];
        Assert.Equal(
            expectedFiles.Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal),
            actualByHintName.Keys.Order(StringComparer.Ordinal));
        foreach (string file in expectedFiles)
        {
            string hintName = Path.GetFileNameWithoutExtension(file);
            Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actualByHintName[hintName].ReplaceLineEndings("\n"));
        }
    }
}
