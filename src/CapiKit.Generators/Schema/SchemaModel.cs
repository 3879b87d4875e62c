using CapiKit.Generators.Common;

namespace CapiKit.Generators.Schema;

// The parameter schema as equatable values: strings, numbers and equatable arrays only, so the generator's
// incremental steps can cache on it and the analyzers can share it (ARCHITECTURE.md, invariant 5).

/// <summary>The built-in parameter schema.</summary>
internal sealed record SchemaModel(
    string GraphApiVersion,
    int MaxEvents,
    EventTimeSpec EventTime,
    EquatableArray<ActionSourceSpec> ActionSources,
    EquatableArray<EventSpec> StandardEvents,
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<FieldSpec> RequestFields,
    EquatableArray<ErrorSpec> Errors,
    EquatableArray<FormatSpec> Formats,
    EquatableArray<string> Currencies,
    EquatableArray<RuleSpec> Rules)
{
    /// <summary>The rule with this ID; the schema's tests prove that every ID the schema points to exists.</summary>
    public RuleSpec Rule(string id)
    {
        foreach (RuleSpec rule in Rules)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        throw new System.ArgumentException($"The schema has no rule '{id}'.", nameof(id));
    }

    /// <summary>The rule that owns a Meta error: the error's own <c>diagnostic</c>, else none.</summary>
    public ErrorSpec? Error(int code, int? subcode)
    {
        foreach (ErrorSpec error in Errors)
        {
            if (error.Code == code && error.Subcode == subcode)
            {
                return error;
            }
        }

        return null;
    }

    public ObjectSpec Object(string name)
    {
        foreach (ObjectSpec spec in Objects)
        {
            if (spec.Name == name)
            {
                return spec;
            }
        }

        throw new System.ArgumentException($"The schema has no object '{name}'.", nameof(name));
    }

    public EnumSpec? Enum(string name)
    {
        foreach (EnumSpec spec in Enums)
        {
            if (spec.Name == name)
            {
                return spec;
            }
        }

        return null;
    }
}

/// <summary>A Graph error code (or range of codes) and whether a request failing with it may be retried.</summary>
internal sealed record ErrorSpec(int Code, int CodeTo, int? Subcode, string Retry, string Title, string? Diagnostic);

/// <summary>The <c>event_time</c> window.</summary>
internal sealed record EventTimeSpec(int MaxAgeDays, int MaxFutureSeconds);

/// <summary>An <c>action_source</c> value and the fields it requires or forbids, as <c>object.field</c> paths.</summary>
internal sealed record ActionSourceSpec(
    string Value,
    string Description,
    EquatableArray<FieldPath> Requires,
    EquatableArray<FieldPath> Forbids,
    int? MaxAgeDays,
    string? RequiresRule = null,
    string? ForbidsRule = null);

/// <summary>A field in a payload object, such as <c>user_data.client_user_agent</c>.</summary>
internal sealed record FieldPath(string Object, string Field);

/// <summary>A standard event, or a custom event from a user's extension file.</summary>
internal sealed record EventSpec(string Name, string Description, EquatableArray<string> RequiredCustomData, string? RequiredCustomDataRule = null, EquatableArray<string> Channels = default);

/// <summary>
/// One rule of the rule table: its ID and name, how it is reported, what it enforces, the Meta errors it prevents,
/// and its messages (analyzer and pre-flight), with named placeholders.
/// </summary>
internal sealed record RuleSpec(
    string Id,
    string Name,
    string Title,
    string Severity,
    string Category,
    string Description,
    EquatableArray<string> Enforces,
    EquatableArray<RuleErrorSpec> Prevents,
    EquatableArray<RuleMessageSpec> Messages,
    EquatableArray<RuleMessageSpec> Preflight);

/// <summary>A value format with a checkable shape: its name, the .NET pattern a value must match, and what a value that does not is.</summary>
internal sealed record FormatSpec(string Name, string Pattern, string Problem);

/// <summary>A Meta error (code and optional subcode) a rule prevents.</summary>
internal sealed record RuleErrorSpec(int Code, int? Subcode);

/// <summary>A named message of a rule; <see cref="Subcode"/> is the Meta subcode a pre-flight message answers with.</summary>
internal sealed record RuleMessageSpec(string Name, string Text, int? Subcode);

/// <summary>A payload object: its fields in schema order.</summary>
internal sealed record ObjectSpec(
    string Name,
    string Description,
    EquatableArray<FieldSpec> Fields,
    EquatableArray<ExtinfoSlotSpec> ExtinfoSlots,
    EquatableArray<EquatableArray<string>> InvalidOnlyCombinations);

/// <summary>One <c>extinfo</c> position.</summary>
internal sealed record ExtinfoSlotSpec(int Index, string Name, bool Required, string Description);

/// <summary>A value type of the schema (<c>string</c>, <c>enum</c>, <c>object</c>, ...) with what it refers to.</summary>
internal sealed record TypeSpec(string Kind, string? Object, string? Enum);

/// <summary>A payload field.</summary>
internal sealed record FieldSpec(
    string Name,
    TypeSpec Type,
    TypeSpec? Items,
    string Requirement,
    string? RequiredWhen,
    string Description,
    string? Label,
    bool Many,
    string? Hashing,
    string? Normalization,
    string? Format,
    bool SdkOnly,
    bool Secret,
    string? Group = null)
{
    public bool IsHashed => Hashing is "required" or "recommended";
}

/// <summary>An enumeration of the schema.</summary>
internal sealed record EnumSpec(string Name, string Description, bool IsNumeric, EquatableArray<EnumValueSpec> Values);

/// <summary>One enumeration value: its payload spelling (a string, or a number for numeric enums) and its C# name.</summary>
internal sealed record EnumValueSpec(string Value, string Name, string Description);

/// <summary>What a user's <c>*.capi.json</c> file adds.</summary>
internal sealed record ExtensionSpec(string Path, EquatableArray<EventSpec> CustomEvents, EquatableArray<FieldSpec> CustomDataFields);

/// <summary>A problem in a schema or extension file, at a zero-based line; <see cref="Message"/> says what, the file name is added by the diagnostic.</summary>
internal sealed record SchemaProblem(string DiagnosticId, string Path, int Line, string Message, int Column = 0);
