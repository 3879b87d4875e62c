using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Tests;

public sealed class UserClassBaselineTests
{
    [Fact]
    public void Generated_sources_for_a_user_class_and_an_extension_match_their_baselines()
    {
        (GeneratorDriver driver, Compilation output, var diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Compilation("Shop", GeneratorDiagnosticTests.CallbackSource),
            new InMemoryAdditionalText("/0/campaigns.capi.json", GeneratorDiagnosticTests.CampaignsExtension));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Baselines.AssertMatches("UserClasses", GeneratorHarness.Sources(driver).ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }
}
