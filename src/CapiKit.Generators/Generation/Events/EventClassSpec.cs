using CapiKit.Generators.Common;

namespace CapiKit.Generators.Generation.Events;

/// <summary>A <c>[ConversionEvent]</c> class or record as the generator needs it: names and strings only.</summary>
/// <param name="Keyword">How the type is declared: <c>class</c> or <c>record</c>.</param>
/// <param name="Dispatch">How the generated members bind: <c>virtual</c> (a class others may derive from),
/// <c>override</c> (derived from another event class), or empty (sealed).</param>
internal sealed record EventClassSpec(
    string? Namespace,
    string TypeName,
    string EventName,
    string? ActionSource,
    EquatableArray<MemberSpec> Members,
    string Keyword = "class",
    string Dispatch = "");

/// <summary>
/// One attributed member: which payload field it feeds and what kind of value it holds.
/// <see cref="Kind"/> is one of the <see cref="MemberKinds"/>.
/// </summary>
internal sealed record MemberSpec(string Name, string Target, string Key, string Kind, string? EnumType, bool IsNullable);

/// <summary>The kinds of member values the generated mapping knows how to convert.</summary>
internal static class MemberKinds
{
    public const string String = "string";
    public const string Hash = "hash";
    public const string Strings = "strings";
    public const string Hashes = "hashes";
    public const string DateTimeOffset = "datetimeoffset";
    public const string DateTime = "datetime";
    public const string Int64 = "int64";
    public const string Int32 = "int32";
    public const string Decimal = "decimal";
    public const string Double = "double";
    public const string Boolean = "boolean";
    public const string Enum = "enum";
    public const string Enums = "enums";
    public const string Contents = "contents";
    public const string Object = "object";
}

/// <summary>The targets a member can map to.</summary>
internal static class Targets
{
    public const string ServerEvent = "server_event";
    public const string UserData = "user_data";
    public const string CustomData = "custom_data";
}
