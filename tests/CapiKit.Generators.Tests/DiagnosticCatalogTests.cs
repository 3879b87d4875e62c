using System.Reflection;
using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Tests;

/// <summary>Every diagnostic has its docs page, its release-tracking line, its README row and a working help link.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids()
    {
        TheoryData<string> ids = new();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_documented_tracked_and_listed(string id)
    {
        string root = RepositoryPaths.Root;
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);

        Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
        Assert.Contains($"\n{id} |", File.ReadAllText(Path.Combine(root, "src", "CapiKit.Generators", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
        Assert.Contains($"[{id}](docs/diagnostics/{id}.md)", File.ReadAllText(Path.Combine(root, "README.md")), StringComparison.Ordinal);
        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.StartsWith("CAPI", id, StringComparison.Ordinal);
    }

    // Wherever a descriptor lives (a rule's own file under Analysis/Rules), one per ID.
    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(CapiKit.Generators.Generation.EventGenerator).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .GroupBy(d => d.Id)
            .Select(g => g.First());
}
