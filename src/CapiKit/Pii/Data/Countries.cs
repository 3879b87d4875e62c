using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CapiKit.Pii.Data;

/// <summary>
/// ISO 3166-1: every officially assigned alpha-2 and alpha-3 code with its English short name and the
/// aliases people type. Kept as data here, not read from the operating system: RegionInfo needs ICU and
/// knows nothing in globalization-invariant mode, the mode of most container and AOT deployments.
/// </summary>
internal static class Countries
{
    // "alpha-2 alpha-3 Name|Alias|Alias": names are matched on their ASCII letters only, so case, accents,
    // spaces and punctuation do not matter ("Côte d’Ivoire" and "cote divoire" are the same key).
    private static readonly string[] Entries =
    [
        "AD AND Andorra", "AE ARE United Arab Emirates|UAE|Emirates", "AF AFG Afghanistan", "AG ATG Antigua and Barbuda",
        "AI AIA Anguilla", "AL ALB Albania", "AM ARM Armenia", "AO AGO Angola", "AQ ATA Antarctica", "AR ARG Argentina",
        "AS ASM American Samoa", "AT AUT Austria", "AU AUS Australia", "AW ABW Aruba", "AX ALA Aland Islands",
        "AZ AZE Azerbaijan", "BA BIH Bosnia and Herzegovina|Bosnia", "BB BRB Barbados", "BD BGD Bangladesh", "BE BEL Belgium",
        "BF BFA Burkina Faso", "BG BGR Bulgaria", "BH BHR Bahrain", "BI BDI Burundi", "BJ BEN Benin", "BL BLM Saint Barthelemy",
        "BM BMU Bermuda", "BN BRN Brunei Darussalam|Brunei", "BO BOL Bolivia|Plurinational State of Bolivia",
        "BQ BES Bonaire, Sint Eustatius and Saba|Caribbean Netherlands", "BR BRA Brazil|Brasil", "BS BHS Bahamas|The Bahamas",
        "BT BTN Bhutan", "BV BVT Bouvet Island", "BW BWA Botswana", "BY BLR Belarus", "BZ BLZ Belize", "CA CAN Canada",
        "CC CCK Cocos (Keeling) Islands|Cocos Islands", "CD COD Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|Congo (Kinshasa)",
        "CF CAF Central African Republic", "CG COG Congo|Republic of the Congo|Congo-Brazzaville|Congo (Brazzaville)", "CH CHE Switzerland|Schweiz|Suisse|Svizzera",
        "CI CIV Cote d'Ivoire|Ivory Coast", "CK COK Cook Islands", "CL CHL Chile", "CM CMR Cameroon", "CN CHN China|People's Republic of China|PRC",
        "CO COL Colombia", "CR CRI Costa Rica", "CU CUB Cuba", "CV CPV Cabo Verde|Cape Verde|Republic of Cabo Verde", "CW CUW Curacao", "CX CXR Christmas Island",
        "CY CYP Cyprus", "CZ CZE Czechia|Czech Republic", "DE DEU Germany|Deutschland", "DJ DJI Djibouti", "DK DNK Denmark|Danmark",
        "DM DMA Dominica", "DO DOM Dominican Republic", "DZ DZA Algeria", "EC ECU Ecuador", "EE EST Estonia", "EG EGY Egypt",
        "EH ESH Western Sahara", "ER ERI Eritrea", "ES ESP Spain|Espana", "ET ETH Ethiopia", "FI FIN Finland|Suomi", "FJ FJI Fiji",
        "FK FLK Falkland Islands|Falkland Islands (Malvinas)|Malvinas", "FM FSM Micronesia|Federated States of Micronesia",
        "FO FRO Faroe Islands", "FR FRA France", "GA GAB Gabon",
        "GB GBR United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland",
        "GD GRD Grenada", "GE GEO Georgia", "GF GUF French Guiana", "GG GGY Guernsey", "GH GHA Ghana", "GI GIB Gibraltar",
        "GL GRL Greenland", "GM GMB Gambia|The Gambia", "GN GIN Guinea", "GP GLP Guadeloupe", "GQ GNQ Equatorial Guinea",
        "GR GRC Greece|Hellas", "GS SGS South Georgia and the South Sandwich Islands", "GT GTM Guatemala", "GU GUM Guam",
        "GW GNB Guinea-Bissau", "GY GUY Guyana", "HK HKG Hong Kong", "HM HMD Heard Island and McDonald Islands", "HN HND Honduras",
        "HR HRV Croatia|Hrvatska", "HT HTI Haiti", "HU HUN Hungary", "ID IDN Indonesia", "IE IRL Ireland|Republic of Ireland|Eire",
        "IL ISR Israel", "IM IMN Isle of Man", "IN IND India", "IO IOT British Indian Ocean Territory", "IQ IRQ Iraq",
        "IR IRN Iran|Islamic Republic of Iran", "IS ISL Iceland", "IT ITA Italy|Italia", "JE JEY Jersey", "JM JAM Jamaica",
        "JO JOR Jordan", "JP JPN Japan", "KE KEN Kenya", "KG KGZ Kyrgyzstan", "KH KHM Cambodia", "KI KIR Kiribati", "KM COM Comoros",
        "KN KNA Saint Kitts and Nevis", "KP PRK North Korea|Democratic People's Republic of Korea",
        "KR KOR South Korea|Republic of Korea|Korea|Korea South", "KW KWT Kuwait", "KY CYM Cayman Islands", "KZ KAZ Kazakhstan",
        "LA LAO Laos|Lao People's Democratic Republic", "LB LBN Lebanon", "LC LCA Saint Lucia", "LI LIE Liechtenstein",
        "LK LKA Sri Lanka", "LR LBR Liberia", "LS LSO Lesotho", "LT LTU Lithuania", "LU LUX Luxembourg", "LV LVA Latvia",
        "LY LBY Libya", "MA MAR Morocco", "MC MCO Monaco", "MD MDA Moldova|Republic of Moldova", "ME MNE Montenegro",
        "MF MAF Saint Martin (French part)|Saint Martin", "MG MDG Madagascar", "MH MHL Marshall Islands",
        "MK MKD North Macedonia|Macedonia|Republic of North Macedonia|Former Yugoslav Republic of Macedonia", "ML MLI Mali", "MM MMR Myanmar|Burma", "MN MNG Mongolia", "MO MAC Macao|Macau",
        "MP MNP Northern Mariana Islands", "MQ MTQ Martinique", "MR MRT Mauritania", "MS MSR Montserrat", "MT MLT Malta",
        "MU MUS Mauritius", "MV MDV Maldives", "MW MWI Malawi", "MX MEX Mexico", "MY MYS Malaysia", "MZ MOZ Mozambique",
        "NA NAM Namibia", "NC NCL New Caledonia", "NE NER Niger", "NF NFK Norfolk Island", "NG NGA Nigeria", "NI NIC Nicaragua",
        "NL NLD Netherlands|Holland|Nederland|Kingdom of the Netherlands", "NO NOR Norway|Norge", "NP NPL Nepal", "NR NRU Nauru", "NU NIU Niue",
        "NZ NZL New Zealand", "OM OMN Oman", "PA PAN Panama", "PE PER Peru", "PF PYF French Polynesia", "PG PNG Papua New Guinea",
        "PH PHL Philippines", "PK PAK Pakistan", "PL POL Poland|Polska", "PM SPM Saint Pierre and Miquelon", "PN PCN Pitcairn",
        "PR PRI Puerto Rico", "PS PSE Palestine|State of Palestine", "PT PRT Portugal", "PW PLW Palau", "PY PRY Paraguay",
        "QA QAT Qatar", "RE REU Reunion", "RO ROU Romania", "RS SRB Serbia", "RU RUS Russia|Russian Federation", "RW RWA Rwanda",
        "SA SAU Saudi Arabia", "SB SLB Solomon Islands", "SC SYC Seychelles", "SD SDN Sudan", "SE SWE Sweden|Sverige",
        "SG SGP Singapore", "SH SHN Saint Helena, Ascension and Tristan da Cunha|Saint Helena", "SI SVN Slovenia",
        "SJ SJM Svalbard and Jan Mayen", "SK SVK Slovakia", "SL SLE Sierra Leone", "SM SMR San Marino", "SN SEN Senegal",
        "SO SOM Somalia", "SR SUR Suriname", "SS SSD South Sudan", "ST STP Sao Tome and Principe", "SV SLV El Salvador",
        "SX SXM Sint Maarten (Dutch part)|Sint Maarten", "SY SYR Syria|Syrian Arab Republic", "SZ SWZ Eswatini|Swaziland",
        "TC TCA Turks and Caicos Islands", "TD TCD Chad", "TF ATF French Southern Territories", "TG TGO Togo", "TH THA Thailand",
        "TJ TJK Tajikistan", "TK TKL Tokelau", "TL TLS Timor-Leste|East Timor", "TM TKM Turkmenistan", "TN TUN Tunisia",
        "TO TON Tonga", "TR TUR Turkiye|Turkey", "TT TTO Trinidad and Tobago", "TV TUV Tuvalu",
        "TW TWN Taiwan|Taiwan, Province of China", "TZ TZA Tanzania|United Republic of Tanzania", "UA UKR Ukraine",
        "UG UGA Uganda", "UM UMI United States Minor Outlying Islands",
        "US USA United States|United States of America|America|U.S.|U.S.A.|U.S. of America", "UY URY Uruguay", "UZ UZB Uzbekistan",
        "VA VAT Holy See|Vatican|Vatican City|Vatican City State|Holy See (Vatican City State)|Holy See Vatican City State", "VC VCT Saint Vincent and the Grenadines", "VE VEN Venezuela|Bolivarian Republic of Venezuela",
        "VG VGB British Virgin Islands|Virgin Islands (British)", "VI VIR United States Virgin Islands|Virgin Islands (U.S.)|US Virgin Islands",
        "VN VNM Viet Nam|Vietnam", "VU VUT Vanuatu", "WF WLF Wallis and Futuna", "WS WSM Samoa", "YE YEM Yemen", "YT MYT Mayotte",
        "ZA ZAF South Africa", "ZM ZMB Zambia", "ZW ZWE Zimbabwe",
    ];

    private static readonly FrozenDictionary<string, string> ByKey = Build();

    // The same table for keys of up to twelve letters, packed into a number: found without making a string.
    private static readonly FrozenDictionary<ulong, string> ByPackedKey = Rules.AsciiText.Pack(ByKey);

    /// <summary>The number of countries and territories in the table.</summary>
    public static int Count => Entries.Length;

    /// <summary>
    /// Finds the lower-case alpha-2 code of a code, name or alias as people write it: in any case, with or without
    /// accents, punctuation and "the", "St." for "Saint", "&amp;" for "and", and ISO 3166's inverted short names
    /// with their qualifiers ("Korea, Republic of", "Bolivia (Plurinational State of)", "Virgin Islands, U.S.").
    /// </summary>
    public static bool TryFind(string text, [NotNullWhen(true)] out string? alpha2)
    {
        // Most values are a code or a plain name, whose letters are their key: no word splitting needed.
        if (ByKey.TryGetValue(Rules.PiiText.AsciiLetterKey(text), out alpha2))
        {
            return true;
        }

        foreach (string candidate in Candidates(text))
        {
            if (ByKey.TryGetValue(NameKey(candidate), out alpha2))
            {
                return true;
            }
        }

        alpha2 = null;
        return false;
    }

    /// <summary>
    /// Finds the code whose ASCII-letter key, packed by <see cref="Rules.AsciiText.TryPack(ReadOnlySpan{byte}, out ulong)"/>,
    /// is <paramref name="packedKey"/>: the first lookup of <see cref="TryFind(string, out string?)"/>, without a string.
    /// </summary>
    public static bool TryFind(ulong packedKey, [NotNullWhen(true)] out string? alpha2) =>
        ByPackedKey.TryGetValue(packedKey, out alpha2);

    /// <summary>The text itself, then its ISO inverted forms turned around: "X, Y" as "Y X" and "X (Y)" as "Y X".</summary>
    private static IEnumerable<string> Candidates(string text)
    {
        string plain = WithoutBrackets(text);
        yield return plain;

        int comma = plain.IndexOf(',');
        if (comma > 0)
        {
            yield return plain[(comma + 1)..] + " " + plain[..comma];
        }

        int open = plain.IndexOf('(');
        int close = plain.LastIndexOf(')');
        if (open > 0 && close > open)
        {
            yield return plain[(open + 1)..close] + " " + plain[..open] + " " + plain[(close + 1)..];
        }

        // The same inverted names with their punctuation lost ("Korea Republic of", "Congo the Democratic
        // Republic of the"): a name that ends in "of" or "of the" is tried with its first words moved to the end.
        string[] words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool endsInOf = words.Length > 2
            && (words[^1].Equals("of", StringComparison.OrdinalIgnoreCase)
                || (words[^2].Equals("of", StringComparison.OrdinalIgnoreCase) && words[^1].Equals("the", StringComparison.OrdinalIgnoreCase)));
        for (int first = 1; endsInOf && first <= 2 && first < words.Length - 1; first++)
        {
            yield return string.Join(' ', words[first..]) + " " + string.Join(' ', words[..first]);
        }
    }

    // ISO's "[Malvinas]" is an alternative name, not part of the name.
    private static string WithoutBrackets(string text)
    {
        int open = text.IndexOf('[');
        int close = text.IndexOf(']');
        string outside = open >= 0 && close > open ? text[..open] + text[(close + 1)..] : text;
        return Rules.PiiText.AsciiLetterKey(outside).Length > 0 ? outside : text.Replace('[', ' ').Replace(']', ' ');
    }

    /// <summary>
    /// The lookup key of a name: its words' ASCII letters (accents removed), without "the", with "st" read as
    /// "saint" and "&amp;" as "and", run together.
    /// </summary>
    internal static string NameKey(string name)
    {
        System.Text.StringBuilder key = new(name.Length);
        string[] words = Words(name.Replace("&", " and ", StringComparison.Ordinal));
        foreach (string word in words)
        {
            // A lone "ST" is São Tomé's code, not an abbreviation.
            key.Append(word switch
            {
                "the" when words.Length > 1 => "",
                "st" or "ste" when words.Length > 1 => "saint",
                _ => word,
            });
        }

        return key.ToString();
    }

    // Words are runs of letters; an apostrophe or a dot inside a word ("People's", "U.S.") does not split it,
    // so neither "s" nor "u" is ever taken for a word of its own.
    private static string[] Words(string text)
    {
        string letters = Rules.PiiText.AsciiLetterKeyWithSpaces(text);
        return letters.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static FrozenDictionary<string, string> Build()
    {
        Dictionary<string, string> byKey = new(StringComparer.Ordinal);
        foreach (string entry in Entries)
        {
            string alpha2 = entry[..2].ToLowerInvariant();
            string alpha3 = entry[3..6].ToLowerInvariant();
            byKey.Add(alpha2, alpha2);
            byKey.Add(alpha3, alpha2);
            foreach (string name in entry[7..].Split('|'))
            {
                string key = NameKey(name);
                if (byKey.TryGetValue(key, out string? existing) && existing != alpha2 && key.Length > 3)
                {
                    throw new InvalidOperationException($"The country name key '{key}' names both {existing} and {alpha2}.");
                }

                // A short alias ("UK", "UAE", "DRC") is only used where it is no ISO code of its own.
                byKey.TryAdd(key, alpha2);
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
