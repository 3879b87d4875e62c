using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Tests;

public sealed class CoreModelGeneratorTests
{
    [Fact]
    public void The_core_model_matches_its_baselines()
    {
        (GeneratorDriver driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation("CapiKit"));

        Dictionary<string, string> sources = GeneratorHarness.Sources(driver)
            .Where(s => s.HintName.StartsWith("CapiKit.", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Assert.Contains("CapiKit.ServerEvent.g.cs", sources.Keys);
        Baselines.AssertMatches("Core", sources);
    }

    [Fact]
    public void Nothing_is_generated_into_other_assemblies_without_attributed_classes()
    {
        (GeneratorDriver driver, _, var diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation("Shop", "namespace Shop; public class Cart { }"));

        Assert.Empty(GeneratorHarness.Sources(driver));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_schema_object_enum_and_standard_event_reaches_the_public_API()
    {
        Type[] types = typeof(CapiKit.ServerEvent).Assembly.GetExportedTypes();
        string[] expected =
        [
            "ServerEvent", "UserData", "CustomData", "Content", "AppData", "ExtInfo", "OriginalEventData", "AttributionData", "AttributionSetting",
            "EventRequest", "EventDefinition", "ActionSource", "StandardEvent", "UserDataField", "CustomDataField", "DeliveryCategory",
            "CustomerSegmentation", "MessagingChannel", "ContentType", "DataProcessingOption", "DataProcessingOptionsCountry",
            "DataProcessingOptionsState", "AttributionModel", "AttributionMethod", "DeclineReason", "TravelClass",
            "ConversionEventAttribute", "UserDataAttribute", "CustomDataAttribute", "EventTimeAttribute", "EventIdAttribute",
            "EventSourceUrlAttribute", "ActionSourceAttribute", "OptOutAttribute", "AppDataAttribute", "PayloadValues", "CapiSchema",
        ];

        Assert.Equal([], expected.Where(name => !types.Any(t => t.Name == name)).ToArray());
        Assert.Equal(30, Enum.GetValues<CapiKit.StandardEvent>().Length);
        Assert.Equal(34, Enum.GetValues<CapiKit.UserDataField>().Length);
    }

    [Fact]
    public void Every_generated_public_member_has_XML_documentation()
    {
        string xmlPath = Path.ChangeExtension(typeof(CapiKit.ServerEvent).Assembly.Location, ".xml");
        string xml = File.ReadAllText(xmlPath);

        foreach (string member in new[] { "M:CapiKit.UserData.AddEmail(System.String)", "P:CapiKit.ServerEvent.EventSourceUrl", "F:CapiKit.ActionSource.PhysicalStore", "M:CapiKit.ServerEvent.ForWebsite(CapiKit.EventDefinition,System.DateTimeOffset,System.String,System.String,CapiKit.UserData)", "P:CapiKit.EventDefinition.AddToCart", "T:CapiKit.EventTimeAttribute" })
        {
            Assert.Contains($"<member name=\"{member}\">", xml, StringComparison.Ordinal);
        }
    }
}
