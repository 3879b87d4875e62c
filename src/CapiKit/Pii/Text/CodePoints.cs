using System.Text;

namespace CapiKit.Pii.Text;

/// <summary>Writing code points (the unit the Unicode tables speak in) back as UTF-16.</summary>
internal static class CodePoints
{
    public static StringBuilder AppendCodePoint(this StringBuilder text, int codePoint) =>
        codePoint < 0x10000 ? text.Append((char)codePoint) : text.Append(char.ConvertFromUtf32(codePoint));
}
