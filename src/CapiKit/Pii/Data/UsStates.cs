using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CapiKit.Pii.Data;

/// <summary>
/// US states, the District of Columbia and the inhabited territories with their two-letter USPS/ANSI codes
/// (Meta's <c>st</c> rule for the US). Reference data, not a CAPI parameter, so it lives here and not in the schema.
/// </summary>
internal static class UsStates
{
    private static readonly (string Code, string Name)[] Entries =
    [
        ("al", "Alabama"), ("ak", "Alaska"), ("az", "Arizona"), ("ar", "Arkansas"), ("ca", "California"),
        ("co", "Colorado"), ("ct", "Connecticut"), ("de", "Delaware"), ("fl", "Florida"), ("ga", "Georgia"),
        ("hi", "Hawaii"), ("id", "Idaho"), ("il", "Illinois"), ("in", "Indiana"), ("ia", "Iowa"),
        ("ks", "Kansas"), ("ky", "Kentucky"), ("la", "Louisiana"), ("me", "Maine"), ("md", "Maryland"),
        ("ma", "Massachusetts"), ("mi", "Michigan"), ("mn", "Minnesota"), ("ms", "Mississippi"), ("mo", "Missouri"),
        ("mt", "Montana"), ("ne", "Nebraska"), ("nv", "Nevada"), ("nh", "New Hampshire"), ("nj", "New Jersey"),
        ("nm", "New Mexico"), ("ny", "New York"), ("nc", "North Carolina"), ("nd", "North Dakota"), ("oh", "Ohio"),
        ("ok", "Oklahoma"), ("or", "Oregon"), ("pa", "Pennsylvania"), ("ri", "Rhode Island"), ("sc", "South Carolina"),
        ("sd", "South Dakota"), ("tn", "Tennessee"), ("tx", "Texas"), ("ut", "Utah"), ("vt", "Vermont"),
        ("va", "Virginia"), ("wa", "Washington"), ("wv", "West Virginia"), ("wi", "Wisconsin"), ("wy", "Wyoming"),
        ("dc", "District of Columbia"), ("dc", "Washington DC"), ("dc", "Washington D.C."),
        ("as", "American Samoa"), ("gu", "Guam"), ("mp", "Northern Mariana Islands"), ("pr", "Puerto Rico"),
        ("vi", "US Virgin Islands"), ("vi", "U.S. Virgin Islands"), ("vi", "United States Virgin Islands"),
    ];

    private static readonly FrozenDictionary<string, string> ByKey = Build();

    /// <summary>Finds the code for an ASCII-letter key of a state name or code (<c>newyork</c> or <c>ny</c>).</summary>
    public static bool TryGetCode(string asciiLetterKey, [NotNullWhen(true)] out string? code) =>
        ByKey.TryGetValue(asciiLetterKey, out code);

    private static FrozenDictionary<string, string> Build()
    {
        Dictionary<string, string> byKey = new(StringComparer.Ordinal);
        foreach ((string code, string name) in Entries)
        {
            byKey[code] = code;
            byKey[Rules.PiiText.AsciiLetterKey(name)] = code;
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
