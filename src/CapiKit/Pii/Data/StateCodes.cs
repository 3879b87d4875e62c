using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CapiKit.Pii.Data;

/// <summary>
/// US states, the District of Columbia and the inhabited territories with their two-letter USPS/ANSI codes (Meta's
/// <c>st</c> rule for the US), and Canada's provinces and territories with Canada Post's codes (as Meta's
/// parameter builder maps them). Names, codes, and the AP and GPO abbreviations people write (<c>Calif.</c>,
/// <c>N.Y.</c>). No code of one country is another's, so the value alone decides. Reference data, not a CAPI
/// parameter, so it lives here and not in the schema.
/// </summary>
internal static class StateCodes
{
    // "code Name|Abbreviation|...": matched on ASCII letters only, so case, dots, spaces and accents do not matter.
    private static readonly string[] Entries =
    [
        "al Alabama|Ala.", "ak Alaska", "az Arizona|Ariz.", "ar Arkansas|Ark.", "ca California|Calif.|Cal.",
        "co Colorado|Colo.|Col.", "ct Connecticut|Conn.", "de Delaware|Del.", "fl Florida|Fla.", "ga Georgia",
        "hi Hawaii", "id Idaho", "il Illinois|Ill.", "in Indiana|Ind.", "ia Iowa",
        "ks Kansas|Kan.|Kans.", "ky Kentucky", "la Louisiana", "me Maine", "md Maryland",
        "ma Massachusetts|Mass.", "mi Michigan|Mich.", "mn Minnesota|Minn.", "ms Mississippi|Miss.", "mo Missouri",
        "mt Montana|Mont.", "ne Nebraska|Neb.|Nebr.", "nv Nevada|Nev.", "nh New Hampshire|N.H.", "nj New Jersey|N.J.",
        "nm New Mexico|N.M.|N. Mex.", "ny New York|N.Y.", "nc North Carolina|N.C.", "nd North Dakota|N.D.|N. Dak.",
        "oh Ohio", "ok Oklahoma|Okla.", "or Oregon|Ore.|Oreg.", "pa Pennsylvania|Penn.|Penna.", "ri Rhode Island|R.I.",
        "sc South Carolina|S.C.", "sd South Dakota|S.D.|S. Dak.", "tn Tennessee|Tenn.", "tx Texas|Tex.", "ut Utah",
        "vt Vermont", "va Virginia", "wa Washington|Wash.", "wv West Virginia|W.Va.|W. Va.", "wi Wisconsin|Wis.|Wisc.",
        "wy Wyoming|Wyo.", "dc District of Columbia|Washington DC|Washington D.C.|D.C.",
        "as American Samoa", "gu Guam", "mp Northern Mariana Islands|CNMI", "pr Puerto Rico|P.R.",
        "vi US Virgin Islands|U.S. Virgin Islands|United States Virgin Islands|Virgin Islands|V.I.",
        "ab Alberta|Alta.", "bc British Columbia|B.C.|Colombie-Britannique", "mb Manitoba|Man.",
        "nb New Brunswick|N.B.|Nouveau-Brunswick", "nl Newfoundland and Labrador|Newfoundland|Nfld.|Terre-Neuve-et-Labrador",
        "ns Nova Scotia|N.S.|Nouvelle-Ecosse", "nt Northwest Territories|N.W.T.|Territoires du Nord-Ouest",
        "nu Nunavut", "on Ontario|Ont.", "pe Prince Edward Island|P.E.I.|Ile-du-Prince-Edouard",
        "qc Quebec|Que.|Province of Quebec|PQ", "sk Saskatchewan|Sask.", "yt Yukon|Yukon Territory|Y.T.",
    ];

    private static readonly FrozenDictionary<string, string> ByKey = Build();

    // The same table for keys of up to twelve letters, packed into a number: found without making a string.
    private static readonly FrozenDictionary<ulong, string> ByPackedKey = Rules.AsciiText.Pack(ByKey);

    /// <summary>Finds the code for an ASCII-letter key of a name, code or abbreviation (<c>newyork</c>, <c>ny</c>, <c>calif</c>).</summary>
    public static bool TryGetCode(string asciiLetterKey, [NotNullWhen(true)] out string? code) =>
        ByKey.TryGetValue(asciiLetterKey, out code);

    /// <summary>Finds the code for a key packed by <see cref="Rules.AsciiText.TryPack(ReadOnlySpan{byte}, out ulong)"/>.</summary>
    public static bool TryGetCode(ulong packedKey, [NotNullWhen(true)] out string? code) =>
        ByPackedKey.TryGetValue(packedKey, out code);

    private static FrozenDictionary<string, string> Build()
    {
        Dictionary<string, string> byKey = new(StringComparer.Ordinal);
        foreach (string entry in Entries)
        {
            string code = entry[..2];
            Add(byKey, code, code);
            foreach (string name in entry[3..].Split('|'))
            {
                Add(byKey, Rules.PiiText.AsciiLetterKey(name), code);
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, string> byKey, string key, string code)
    {
        if (byKey.TryGetValue(key, out string? existing) && existing != code)
        {
            throw new InvalidOperationException($"The state key '{key}' names both {existing} and {code}.");
        }

        byKey[key] = code;
    }
}
