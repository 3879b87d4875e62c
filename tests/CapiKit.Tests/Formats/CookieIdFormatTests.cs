using CsCheck;

namespace CapiKit.Tests.Formats;

/// <summary>
/// The regex-free fbc and fbp checks may only accept what the schema's patterns accept, so
/// <c>FieldFormats.RawProblem</c> answers as the patterns alone did; and they must accept the shapes browsers send,
/// or they would not be worth having.
/// </summary>
public sealed class CookieIdFormatTests
{
    // Pieces around the checks' edges: digit runs of every length near 10-16, dots, white space of several kinds,
    // non-ASCII letters, appendix characters and lengths, and the prefix's near misses.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Const("fb."), Gen.Const("FB."), Gen.Const("fb"), Gen.Const("."), Gen.Const(".."), Gen.Const(" "), Gen.Const("\n"), Gen.Const("\t"),
        Gen.Const("\u00a0"), Gen.Const("é"), Gen.Const("_"), Gen.Const("-"), Gen.Const("~"), Gen.Const("\u007f"),
        Gen.String[Gen.Char['0', '9'], 1, 18], Gen.String[Gen.Char["aZ09_-"], 1, 10], Gen.String[Gen.Char['!', '~'], 1, 12]);

    // Near the accepted shape: its four parts with each one's length and alphabet a little off.
    private static readonly Gen<string> NearlyPlain = Gen.Select(
        Gen.String[Gen.Char["0129"], 0, 3],
        Gen.String[Gen.Char["0189"], 8, 18],
        Gen.OneOf(Gen.String[Gen.Char['!', '~'], 0, 20], Gen.String[Gen.Char["0123456789"], 0, 20], Gen.String[Gen.Char["aZ09.é \n"], 0, 20]),
        Gen.OneOf(Gen.Const(""), Gen.String[Gen.Char["aZ09_-.~"], 0, 10].Select(a => "." + a)))
        .Select((subdomain, time, id, appendix) => $"fb.{subdomain}.{time}.{id}{appendix}");

    [Theory]
    [InlineData("fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk", true, false)]
    [InlineData("fb.1.1554763741205.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk.AbCd", true, false)]
    [InlineData("fb.2.1596403881668.1116446470", true, true)]
    [InlineData("fb.1.1596403881668.1116446470.Bf", true, true)]
    [InlineData("fb.1.159640388166.1116446470", true, true)]
    [InlineData("fb.1.1596403881668.1116446470\n", false, false)]
    [InlineData("fb.1.1596403881668.", false, false)]
    [InlineData("fb..1596403881668.1", false, false)]
    [InlineData("fb.1.159640388.1", false, false)]
    [InlineData("fb.1.12345678901234567.1", false, false)]
    [InlineData("fb.1.1596403881668.é", false, false)]
    [InlineData("fb.1.1596403881668.a.b.c", false, false)]
    [InlineData("fb.1.1596403881668.a.b", false, false)]
    [InlineData("Fb.1.1596403881668.a", false, false)]
    public void Plain_cookie_ids_take_the_fast_check(string text, bool plainClickId, bool plainBrowserId)
    {
        Assert.Equal(plainClickId, PlainCookieIds.IsPlainClickId(text));
        Assert.Equal(plainBrowserId, PlainCookieIds.IsPlainBrowserId(text));
    }

    [Fact]
    public void Every_value_the_fast_checks_accept_the_schema_patterns_accept()
    {
        int clickIds = 0;
        int browserIds = 0;
        Gen.Select(Piece.Array[1, 8], NearlyPlain, Gen.Bool)
            .Sample((pieces, nearlyPlain, near) =>
            {
                string text = near ? nearlyPlain : string.Concat(pieces);
                if (PlainCookieIds.IsPlainClickId(text))
                {
                    Interlocked.Increment(ref clickIds);
                    Assert.True(FieldFormats.ClickId().IsMatch(text), text);
                }

                if (PlainCookieIds.IsPlainBrowserId(text))
                {
                    Interlocked.Increment(ref browserIds);
                    Assert.True(FieldFormats.BrowserId().IsMatch(text), text);
                }
            }, iter: 200_000);

        Assert.True(clickIds > 5_000 && browserIds > 2_000, $"the fast checks accepted only {clickIds} click IDs and {browserIds} browser IDs of 200,000");
    }

    [Theory]
    [InlineData("click_id", "fb.1.1596403881668.a\n", true)]
    [InlineData("click_id", "fb.1.1596403881668.ab\u00e9c", true)]
    [InlineData("browser_id", "fb.1.1596403881668.123.ab", true)]
    [InlineData("click_id", "fb.1.1596403881668.a b", false)]
    [InlineData("click_id", "fb.1.1596403881668.a\n\n", false)]
    [InlineData("click_id", "fb.1.1596403881668.a\u00a0", false)]
    [InlineData("browser_id", "fb.1.1596403881668.12a", false)]
    public void Values_outside_the_fast_shape_are_still_judged_by_the_pattern(string format, string text, bool valid)
    {
        bool matches = format == "click_id" ? FieldFormats.ClickId().IsMatch(text) : FieldFormats.BrowserId().IsMatch(text);
        Assert.Equal(valid, matches);
        Assert.Equal(valid, FieldFormats.RawProblem(format, text) is null);
    }
}
