using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

/// <summary>
/// Every example of Meta's customer-information page, with the exact hash Meta documents
/// (reference/capi-parameters.md, section 3.1). If one of these fails, events stop matching.
/// </summary>
public sealed class MetaDocumentedHashTests
{
    [Theory]
    [InlineData("em", "John_Smith@gmail.com", null, "john_smith@gmail.com", "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f")]
    [InlineData("ph", "(650)555-1212", "US", "16505551212", "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176")]
    [InlineData("fn", "Mary", null, "mary", "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec")]
    [InlineData("fn", "정", null, "정", "8fa8cd9c440be61d0151429310034083132b35975c4bea67fdd74158eb51db14")]
    [InlineData("fn", "Valéry", null, "valéry", "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c")]
    [InlineData("db", "2/16/1997", null, "19970216", "01acdbf6ec7b4f478a225f1a246e5d6767eeab1a7ffa17f025265b5b94f40f0c")]
    [InlineData("ct", "New York", null, "newyork", "350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5")]
    [InlineData("zp", "94035", null, "94035", "1794327a4d443904421f5ca1f3d72d0a62ba2f0770d80755ec2220fc0efb052e")]
    [InlineData("zp", "M1 1AE", null, "m11ae", "1dc694c2070e697769fb959b50671d76cafd430d8ca191fbdd0affcaea344ac5")]
    [InlineData("country", "United States", null, "us", "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621")]
    [InlineData("st", "CA", null, "ca", "6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126")]
    public void Docs_example_normalizes_and_hashes_as_Meta_documents(string field, string raw, string? region, string normalized, string hash)
    {
        NormalizationResult result = PiiNormalizer.Normalize(field, raw, new NormalizationOptions { DefaultRegion = region });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(normalized, result.Value);
        Assert.Equal(hash, result.ComputeHash().ToString());
    }

    [Theory]
    [InlineData("ge", "f", "252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111")]
    [InlineData("ge", "m", "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a")]
    public void Gender_hashes_match_the_documented_prefixes(string field, string raw, string hash)
    {
        Assert.Equal(hash, PiiNormalizer.Normalize(field, raw).ComputeHash().ToString());
    }
}
