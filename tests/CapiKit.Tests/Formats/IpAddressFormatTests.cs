using System.Net;

namespace CapiKit.Tests.Formats;

public sealed class IpAddressFormatTests
{
    [Fact]
    public void Plain_dotted_quads_skip_the_parser_and_every_address_gets_the_parser_s_verdict()
    {
        Random random = new(4);
        List<string> inputs = ["1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1..3.4", " 1.2.3.4", "1.2.3.4 ", "::1", "2001:db8::1", "1.2.3.4a", "", "1234.1.1.1", "0x7f.0.0.1", "127.1"];
        for (int i = 0; i < 20_000; i++)
        {
            int parts = random.Next(1, 6);
            inputs.Add(string.Join(".", Enumerable.Range(0, parts).Select(_ => random.Next(4) == 0 ? "0" + random.Next(300) : random.Next(400).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        foreach (string input in inputs)
        {
            bool expected = IPAddress.TryParse(input, out _) && !input.Contains(' ', StringComparison.Ordinal);
            Assert.True(expected == (FieldFormats.RawProblem("ip_address", input) is null), input);
        }
    }
}
