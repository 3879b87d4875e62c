using System.Text.RegularExpressions;

namespace CapiKit.Package.Tests;

/// <summary>The README's main command: the sample shop, built against the packed CapiKit, sends a whole visit.</summary>
[Collection(SequentialPacking.Name)]
public sealed partial class SampleTests
{
    [Fact]
    public void The_checkout_demo_walks_one_customer_to_a_purchase()
    {
        (int exit, string output) = DotNet.Run(PackageFixture.RepositoryRoot, "run", "--project", "samples/Checkout", "--", "--demo");

        Assert.True(exit == 0, output);
        Assert.Equal(["ViewContent", "AddToCart", "AddToCart", "InitiateCheckout", "Purchase"], Sent().Matches(output).Select(m => m.Groups[1].Value));
        Assert.Equal(5, Accepted().Count(output));
        Assert.DoesNotContain("mary.major@example.com", output, StringComparison.OrdinalIgnoreCase);
        // The demo's shop runs on 127.0.0.1: an address host has subdomain index 0, as Meta's Parameter Builder computes it.
        Assert.Contains("\"fbc\": \"fb.0.", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^--> (\w+)$", RegexOptions.Multiline)]
    private static partial Regex Sent();

    [GeneratedRegex(@"^<-- Accepted\b", RegexOptions.Multiline)]
    private static partial Regex Accepted();
}
