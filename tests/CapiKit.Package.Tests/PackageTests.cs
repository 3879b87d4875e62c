using System.Text.RegularExpressions;

namespace CapiKit.Package.Tests;

/// <summary>What a user gets from <c>dotnet add package CapiKit</c>, checked in a fresh console project.</summary>
[Collection(SequentialPacking.Name)]
public sealed partial class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string EmailHash = "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f";

    [Fact]
    public void The_package_carries_the_runtime_the_analyzers_their_json_library_and_the_props()
    {
        IReadOnlyList<string> entries = package.PackageEntries();

        Assert.Contains("lib/net8.0/CapiKit.dll", entries);
        Assert.Contains("lib/net8.0/CapiKit.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/CapiKit.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CapiKit.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
        Assert.Contains("buildTransitive/CapiKit.props", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attributed_class_builds_runs_and_writes_Metas_hashes()
    {
        // Built as containers and NativeAOT apps are, without ICU: the hashes must still be Meta's, for a name typed
        // decomposed ("Vale" + U+0301 + "ry", as macOS writes it) and an accented country.
        string directory = package.NewConsoleProject("Shop", """
            using CapiKit;

            var order = new OrderCompleted
            {
                CustomerEmail = "John_Smith@gmail.com",
                FirstName = "Vale\u0301ry",
                Country = "T\u00FCrkiye",
                UserAgent = "Mozilla/5.0",
                Total = 142.52m,
                Currency = "USD",
                CompletedAt = DateTimeOffset.UtcNow,
                OrderId = Guid.NewGuid().ToString(),
                PageUrl = "https://shop.example/checkout",
            };
            Console.WriteLine(order.ToServerEvent().ToJson());

            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
            public partial class OrderCompleted
            {
                [UserData(UserDataField.Email)] public required string CustomerEmail { get; init; }
                [UserData(UserDataField.FirstName)] public string? FirstName { get; init; }
                [UserData(UserDataField.Country)] public string? Country { get; init; }
                [UserData(UserDataField.ClientUserAgent)] public required string UserAgent { get; init; }
                [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
                [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
                [EventTime] public DateTimeOffset CompletedAt { get; init; }
                [EventId] public required string OrderId { get; init; }
                [EventSourceUrl] public required string PageUrl { get; init; }
            }
            """, "<InvariantGlobalization>true</InvariantGlobalization>");

        (int exit, string output) = DotNet.Run(directory, "run");

        Assert.True(exit == 0, output);
        Assert.Contains($"\"em\":[\"{EmailHash}\"]", output, StringComparison.Ordinal);
        Assert.Contains("\"fn\":[\"08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c\"]", output, StringComparison.Ordinal);
        Assert.Contains("\"country\":[\"7817bb812e82168bd48fe1ea6783078d42be37e8db9bdaafdac5c45804aca64f\"]", output, StringComparison.Ordinal);
        Assert.Contains("\"action_source\":\"website\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);

        string generated = Path.Combine(directory, "obj", "Debug", "net10.0", "generated", "CapiKit.Generators", "CapiKit.Generators.Generation.EventGenerator");
        Assert.True(File.Exists(Path.Combine(generated, "OrderCompleted.g.cs")), $"No generated file in {generated}");
    }

    [Fact]
    public void Unhashed_PII_a_missing_action_source_and_a_stale_time_fail_the_build_at_their_lines()
    {
        string directory = package.NewConsoleProject("Broken", """
            using CapiKit;

            string email = args.Length > 0 ? args[0] : "someone@example.com";
            var payload = new
            {
                data = new[]
                {
                    new
                    {
                        event_name = "Lead",
                        action_source = "email",
                        user_data = new { em = email },
                    },
                },
            };
            Console.WriteLine(payload);
            Console.WriteLine(ServerEvent.ForEmail(EventDefinition.Lead, DateTimeOffset.UtcNow.AddDays(-8)).ToJson());

            [ConversionEvent(StandardEvent.Lead)]
            public partial class LeadSubmitted
            {
                [UserData(UserDataField.Email)] public string? Email { get; init; }
            }
            """);

        (int exit, string output) = DotNet.Run(directory, "build");

        Assert.NotEqual(0, exit);
        Assert.Equal(12, Line(output, "CAPI001"));
        Assert.Equal(19, Line(output, "CAPI002"));
        Assert.Equal(17, Line(output, "CAPI003"));
    }

    private static int Line(string output, string id)
    {
        Match match = Regex.Match(output, $@"Program\.cs\((\d+),\d+\): error {id}");
        Assert.True(match.Success, $"No {id} error in:\n{output}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
