using System.Collections.Frozen;

namespace CapiKit.Pii.Rules;

/// <summary>
/// The implementation of each normalization rule the schema names. The schema says which key uses which rule;
/// this table only says how each rule works, so no list of keys is written here.
/// </summary>
internal static class NormalizationRules
{
    private static readonly FrozenDictionary<string, NormalizationRule> ByName = Build();

    /// <summary>The names of every implemented rule.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static NormalizationRule? Find(string name) => ByName.GetValueOrDefault(name);

    private static FrozenDictionary<string, NormalizationRule> Build()
    {
        LettersOnlyRule name = new("name", "name");
        NormalizationRule[] rules =
        [
            new EmailRule(),
            new PhoneRule(),
            name,
            new NamePrefixRule("first_five_letters", 5, name),
            new NamePrefixRule("first_initial", 1, name),
            new DateOfBirthRule(),
            new BirthPartRule("birth_day", BirthPart.Day),
            new BirthPartRule("birth_month", BirthPart.Month),
            new BirthPartRule("birth_year", BirthPart.Year),
            new GenderRule(),
            new LettersOnlyRule("city", "city"),
            new StateRule(),
            new PostalCodeRule(),
            new CountryRule(),
            new ExternalIdRule(),
            new TrimLowercaseRule(),
        ];

        return rules.ToFrozenDictionary(rule => rule.Name, StringComparer.Ordinal);
    }
}
