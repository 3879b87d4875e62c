using CsCheck;

namespace CapiKit.Tests.Formats;

/// <summary>
/// The allocation-free URL check may only accept what <see cref="Uri"/> accepts as an absolute http(s) URL, so
/// <c>FieldFormats.IsUrl</c> answers as <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/> alone did.
/// </summary>
public sealed class UrlFormatTests
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Const("https://"), Gen.Const("http://"), Gen.Const("HTTP://"), Gen.Const("ftp://"), Gen.Const("shop"), Gen.Const(".example"),
        Gen.Const(".com"), Gen.Const("/checkout/"), Gen.Const("?a=1&b=2"), Gen.Const("#top"), Gen.Const(":8080"), Gen.Const("1.2.3.4"),
        Gen.Const("-"), Gen.Const("."), Gen.Const("/"), Gen.Const("%20"), Gen.Const("é"), Gen.Const(" "), Gen.Const("@"), Gen.Const("[::1]"),
        Gen.String[Gen.Char["abcxyz0189-._~/?&=+:@%#[] \\"], 0, 8], Gen.String[Gen.Char['a', 'z'], 60, 70]);

    // Near the fast check's edge: host labels of its characters (hyphens, digits and letters anywhere), and paths of
    // its characters with a few others.
    private static readonly Gen<string> NearlyPlain = Gen.Select(
        Gen.String[Gen.Char["abz019-"], 0, 8].Array[1, 4],
        Gen.OneOf(Gen.Const(""), Gen.String[Gen.Char["aZ09-._~/?&=+/%:#@ é"], 0, 30].Select(p => "/" + p), Gen.String[Gen.Char["aZ09-._~/?&=+"], 0, 30]))
        .Select((labels, path) => string.Join('.', labels) + path);

    [Theory]
    [InlineData("https://shop.example/checkout/42", true)]
    [InlineData("http://localhost/", true)]
    [InlineData("https://a.b.c/x?y=1&z=2+3", true)]
    [InlineData("https://shop.example", true)]
    [InlineData("https://Shop.example/", false)]
    [InlineData("https://1.2.3.4/", false)]
    [InlineData("https://shop.example:8443/", false)]
    [InlineData("https://-a.com/", false)]
    [InlineData("https://a..com/", false)]
    [InlineData("ftp://a.com/", false)]
    [InlineData("https://a.com/%20", false)]
    public void Plain_URLs_take_the_fast_check(string url, bool plain) => Assert.Equal(plain, FieldFormats.IsPlainHttpUrl(url));

    [Fact]
    public void Every_URL_the_fast_check_accepts_Uri_accepts_as_http_or_https()
    {
        int accepted = 0;
        Gen.Select(Gen.Int[0, 2], Piece.Array[1, 8], NearlyPlain, Gen.Bool)
            .Sample((start, pieces, nearlyPlain, near) =>
            {
                string text = (start switch { 0 => "https://", 1 => "http://", _ => "" }) + (near ? nearlyPlain : string.Concat(pieces));
                if (FieldFormats.IsPlainHttpUrl(text))
                {
                    Interlocked.Increment(ref accepted);
                    Assert.True(Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp), text);
                }
            }, iter: 200_000);

        Assert.True(accepted > 5_000, $"the fast check accepted only {accepted} of 200,000");
    }
}
