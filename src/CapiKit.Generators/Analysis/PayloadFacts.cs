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
    }

    /// <summary>The schema, or null when it failed to load (then the analyzers stay silent).</summary>
    public static PayloadFacts? Instance => Loaded.Value;

    public SchemaModel Schema { get; }

    /// <summary>Every <c>user_data</c> key.</summary>
    public HashSet<string> UserDataKeys { get; }

    /// <summary><c>user_data</c> keys Meta rejects unless hashed: em, ph, fn, ln, db, ge, ct, st, zp, country.</summary>
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
