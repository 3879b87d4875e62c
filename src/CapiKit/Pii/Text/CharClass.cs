namespace CapiKit.Pii.Text;

/// <summary>
/// The Unicode properties of one code point that the normalization rules read, as a byte of flags. The bit
/// order is the generator's (tools/unicode/generate_tables.py).
/// </summary>
[Flags]
internal enum CharClass : byte
{
    None = 0,

    /// <summary>General category L (letters of every script).</summary>
    Letter = 1 << 0,

    /// <summary>General category M (combining marks, variation selectors among them).</summary>
    Mark = 1 << 1,

    /// <summary>General category Nd (decimal digits of every script).</summary>
    Digit = 1 << 2,

    /// <summary>The White_Space property.</summary>
    WhiteSpace = 1 << 3,

    /// <summary>Default_Ignorable_Code_Point: invisible characters such as ZWJ, variation selectors, soft hyphen.</summary>
    Ignorable = 1 << 4,

    /// <summary>The Cased property, for the Final_Sigma condition.</summary>
    Cased = 1 << 5,

    /// <summary>The Case_Ignorable property, for the Final_Sigma condition.</summary>
    CaseIgnorable = 1 << 6,

    /// <summary>NFC_Quick_Check is No or Maybe, or the combining class is not 0: text with one is not known to be NFC.</summary>
    NfcUnsafe = 1 << 7,
}
