using System.IO.Compression;

namespace CapiKit.Package.Tests;

/// <summary>
/// Packs CapiKit, CapiKit.Testing and CapiKit.AspNetCore once, with a version of its own so no stale copy in the NuGet cache can stand in for it, into a
/// feed in a temporary folder; each test then makes a fresh project that takes the package from there.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("capikit-package-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        (int exit, string output) = DotNet.Run(
            RepositoryRoot,
            "pack", "src/CapiKit/CapiKit.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true");
        Assert.True(exit == 0, output);
        // CapiKit.AspNetCore (with CapiKit.Outbox, which it depends on) for the READMEs' web code.
        foreach (string project in new[] { "src/CapiKit.Testing/CapiKit.Testing.csproj", "src/CapiKit.Outbox/CapiKit.Outbox.csproj", "src/CapiKit.AspNetCore/CapiKit.AspNetCore.csproj" })
        {
            (exit, output) = DotNet.Run(RepositoryRoot, "pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true");
            Assert.True(exit == 0, output);
        }

        Package = Path.Combine(Feed, $"CapiKit.{Version}.nupkg");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public IReadOnlyList<string> PackageEntries()
    {
        using ZipArchive archive = ZipFile.OpenRead(Package);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>Makes <c>dotnet new console</c> in a folder of its own, referencing the packed CapiKit.</summary>
    public string NewConsoleProject(string name, string programSource, string properties = "")
    {
        string directory = Path.Combine(Root, name);
        (int exit, string output) = DotNet.Run(Root, "new", "console", "-o", directory, "-f", "net10.0", "--no-restore");
        Assert.True(exit == 0, output);
        string project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>",
            $"""
              <PropertyGroup>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CapiKit" Version="{Version}" />
              </ItemGroup>
            </Project>
            """,
            StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is cleaned by the system later.
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Generators.sln above the test's folder.");
    }
}
