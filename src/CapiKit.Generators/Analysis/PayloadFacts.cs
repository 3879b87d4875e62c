using System;
using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Analysis;

/// <summary>What the analyzers need to know about Meta's payload, taken from the parameter schema once.</summary>
internal sealed class PayloadFacts
{
    private static readonly Lazy<PayloadFacts?> Loaded = new(() => BuiltInSchema.Value.Model is { } schema ? new PayloadFacts(schema) : null);

    /// <summary>
    /// Keys that name a person directly. In custom_data they are personal data sent unhashed where Meta does not
    /// expect it; this is a heuristic list of spellings, not a CAPI parameter list.
    /// </summary>
    private static readonly HashSet<string> PersonalNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "email", "e_mail", "email_address", "phone", "phone_number", "mobile", "mobile_number", "first_name", "last_name",
        "full_name", "date_of_birth", "birthday", "dob",
    };

    private PayloadFacts(SchemaModel schema)
    {
        Schema = schema;
        ObjectSpec userData = schema.Object("user_data");
        UserDataKeys = new HashSet<string>(userData.Fields.Select(f => f.Name), StringComparer.Ordinal);
        RequiredHashedKeys = new HashSet<string>(userData.Fields.Where(f => f.Hashing == "required").Select(f => f.Name), StringComparer.Ordinal);
        HashedLabels = userData.Fields.Where(f => f.IsHashed).ToDictionary(f => f.Label ?? Naming.Pascal(f.Name), f => f.Name, StringComparer.Ordinal);
        MaxAgeDays = schema.EventTime.MaxAgeDays;
        MaxFutureSeconds = schema.EventTime.MaxFutureSeconds;
        MaxAgeDaysBySource = schema.ActionSources.ToDictionary(a => a.Value, a => a.MaxAgeDays ?? schema.EventTime.MaxAgeDays, StringComparer.Ordinal);
        LongestMaxAgeDays = MaxAgeDaysBySource.Values.Max();
        ActionSources = schema.ActionSources.Select(a => a.Value).ToArray();
        StandardEvents = schema.StandardEvents.Select(e => e.Name).ToArray();
        RequiredCustomData = schema.StandardEvents.Where(e => e.RequiredCustomData.Count > 0)
            .ToDictionary(e => e.Name, e => e.RequiredCustomData.ToArray(), StringComparer.Ordinal);
        NormalizationOf = userData.Fields.Where(f => f.Normalization is not null).ToDictionary(f => f.Name, f => f.Normalization!, StringComparer.Ordinal);
        RawKeys = new HashSet<string>(userData.Fields.Where(f => f.Hashing == "never").Select(f => f.Name), StringComparer.Ordinal);
        RawLabels = userData.Fields.Where(f => f.Hashing == "never").ToDictionary(f => f.Label ?? Naming.Pascal(f.Name), f => f.Name, StringComparer.Ordinal);
        InvalidOnlyCombinations = userData.InvalidOnlyCombinations.Select(c => new HashSet<string>(c, StringComparer.Ordinal)).ToArray();
        Requirements = schema.ActionSources.ToDictionary(a => a.Value, a => a.Requires.Select(r => (r.Object, r.Field)).ToArray(), StringComparer.Ordinal);
        Forbidden = schema.ActionSources.ToDictionary(a => a.Value, a => a.Forbids.Select(r => (r.Object, r.Field)).ToArray(), StringComparer.Ordinal);
        RequiresRules = schema.ActionSources.Where(a => a.RequiresRule is not null).ToDictionary(a => a.Value, a => a.RequiresRule!, StringComparer.Ordinal);
        ForbidsRules = schema.ActionSources.Where(a => a.ForbidsRule is not null).ToDictionary(a => a.Value, a => a.ForbidsRule!, StringComparer.Ordinal);
        Currencies = new HashSet<string>(schema.Currencies, StringComparer.Ordinal);
        RawFormats = userData.Fields
            .Where(f => f.Hashing == "never" && f.Format is not null && schema.Formats.Any(x => x.Name == f.Format))
            .ToDictionary(
                f => f.Name,
                f => schema.Formats.First(x => x.Name == f.Format) is var format
                    ? (new System.Text.RegularExpressions.Regex(format.Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant), format.Problem)
                    : default,
                StringComparer.Ordinal);
        ExtinfoLength = schema.Object("app_data").ExtinfoSlots.Count;
        MaxEvents = schema.MaxEvents;
    }

    /// <summary>Meta's standard event names, exactly spelled.</summary>
    public string[] StandardEvents { get; }

    /// <summary>The custom_data keys a standard event requires (Purchase: value, currency).</summary>
    public Dictionary<string, string[]> RequiredCustomData { get; }

    /// <summary><c>user_data</c> keys Meta needs exactly as received: IP, user agent, fbc, fbp, madid, ...</summary>
    public HashSet<string> RawKeys { get; }

    /// <summary>The normalization rule (<c>normalizations[].name</c>) of each user_data key that has one.</summary>
    public Dictionary<string, string> NormalizationOf { get; }

    /// <summary>C# label of each raw key (<c>ClientIpAddress</c>) to its payload key.</summary>
    public Dictionary<string, string> RawLabels { get; }

    /// <summary>Sets of customer-information keys that are not enough on their own.</summary>
    public HashSet<string>[] InvalidOnlyCombinations { get; }

    /// <summary>What each action source requires, as (object, field).</summary>
    public Dictionary<string, (string Object, string Field)[]> Requirements { get; }

    /// <summary>What each action source forbids, as (object, field).</summary>
    public Dictionary<string, (string Object, string Field)[]> Forbidden { get; }

    /// <summary>The rule each action source names for its missing required fields (<c>requiresRule</c>).</summary>
    private Dictionary<string, string> RequiresRules { get; }

    /// <summary>The rule each action source names for its forbidden fields (<c>forbidsRule</c>).</summary>
    private Dictionary<string, string> ForbidsRules { get; }

    /// <summary>
    /// Raw user_data keys whose format has a checkable shape (fbc, fbp): the schema's pattern and what a value that
    /// does not match is. The run-time pre-flight checks the same patterns (a test compares them).
    /// </summary>
    public Dictionary<string, (System.Text.RegularExpressions.Regex Pattern, string Problem)> RawFormats { get; }

    /// <summary>The ISO 4217 codes of the schema, the one list the pre-flight checks too.</summary>
    public HashSet<string> Currencies { get; }

    /// <summary>
    /// The message for fields an action source requires and an event lacks, from the rule the schema names for that
    /// action source; null when it names none.
    /// </summary>
    public Microsoft.CodeAnalysis.DiagnosticDescriptor? MissingFieldsMessage(string actionSource) =>
        RequiresRules.TryGetValue(actionSource, out string? id) ? Rules.RuleRegistry.MissingFields(id) : null;

    /// <summary>The message for a field an action source forbids, from the rule the schema names; null when none.</summary>
    public Microsoft.CodeAnalysis.DiagnosticDescriptor? ForbiddenFieldMessage(string actionSource) =>
        ForbidsRules.TryGetValue(actionSource, out string? id) ? Rules.RuleRegistry.Forbidden(id) : null;

    /// <summary>The message for a <c>[ConversionEvent]</c> class that maps none of some required fields; null when none.</summary>
    public Microsoft.CodeAnalysis.DiagnosticDescriptor? EventClassMissingFieldsMessage(string actionSource) =>
        RequiresRules.TryGetValue(actionSource, out string? id) ? Rules.RuleRegistry.EventClassMissingFields(id) : null;

    /// <summary>The message for a <c>[ConversionEvent]</c> class that maps a forbidden field; null when none.</summary>
    public Microsoft.CodeAnalysis.DiagnosticDescriptor? EventClassForbiddenMessage(string actionSource) =>
        ForbidsRules.TryGetValue(actionSource, out string? id) ? Rules.RuleRegistry.EventClassForbidden(id) : null;

    public int ExtinfoLength { get; }

    public int MaxEvents { get; }

    /// <summary>The action source a <c>[ConversionEvent]</c> attribute sets (<c>ActionSource = ...</c>), or null.</summary>
    public string? ActionSourceOf(Microsoft.CodeAnalysis.AttributeData? attribute) =>
        attribute is null ? null : Generation.Events.EventClassParser.ReadActionSource(attribute, Schema);

    /// <summary>The action source value of a C# member name (<c>PhysicalStore</c> to <c>physical_store</c>).</summary>
    public string? ActionSourceOfMember(string member) => ActionSources.FirstOrDefault(value => Naming.Pascal(value) == member);

    /// <summary>The standard event a name nearly spells, when it is not that name exactly; else null.</summary>
    public string? NearMissOf(string name)
    {
        if (StandardEvents.Contains(name))
        {
            return null;
        }

        string folded = Fold(name);
        foreach (string standard in StandardEvents)
        {
            string target = Fold(standard);
            int allowed = target.Length >= 8 ? 2 : 1;
            if (folded == target || (folded.Length >= 4 && Distance(folded, target) <= allowed))
            {
                return standard;
            }
        }

        return null;
    }

    private static string Fold(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance, for names of a few dozen letters.</summary>
    private static int Distance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The schema, or null when it failed to load (then the analyzers stay silent).</summary>
    public static PayloadFacts? Instance => Loaded.Value;

    public SchemaModel Schema { get; }

    /// <summary>Every <c>user_data</c> key.</summary>
    public HashSet<string> UserDataKeys { get; }

    /// <summary><c>user_data</c> keys Meta rejects unless hashed: the schema's <c>hashing: required</c> keys.</summary>
    public HashSet<string> RequiredHashedKeys { get; }

    /// <summary>C# label of each hashed key (<c>Email</c>) to its payload key (<c>em</c>).</summary>
    public Dictionary<string, string> HashedLabels { get; }

    public int MaxAgeDays { get; }

    public int MaxFutureSeconds { get; }

    public int LongestMaxAgeDays { get; }

    public Dictionary<string, int> MaxAgeDaysBySource { get; }

    public string[] ActionSources { get; }

    public bool IsUserDataKey(string key) => UserDataKeys.Contains(key);

    public bool IsPersonalName(string key) => PersonalNames.Contains(key) || RequiredHashedKeys.Contains(key);

    /// <summary>
    /// The window for an action source, or the most lenient one when it is not known at compile time: a false alarm
    /// on a legitimate 30-day-old store purchase would teach people to ignore the rule.
    /// </summary>
    public int MaxAgeDaysFor(string? actionSource) =>
        actionSource is not null && MaxAgeDaysBySource.TryGetValue(actionSource, out int days) ? days : LongestMaxAgeDays;
}
