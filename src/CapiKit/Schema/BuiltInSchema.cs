using System.Collections.Frozen;
using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Schema;

/// <summary>
/// The parts of <c>schema/capi.schema.json</c> the runtime needs, read once from the copy embedded in this
/// assembly. The schema is the only description of Meta's parameters (see ARCHITECTURE.md, invariant 1).
/// </summary>
internal sealed class BuiltInSchema
{
    private const string ResourceName = "CapiKit.capi.schema.json";

    private static readonly Lazy<BuiltInSchema> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private BuiltInSchema(string graphApiVersion, IReadOnlyList<UserDataKey> userDataKeys, IReadOnlyList<string> normalizations)
    {
        GraphApiVersion = graphApiVersion;
        UserDataKeys = userDataKeys;
        UserData = userDataKeys.ToFrozenDictionary(key => key.Name, StringComparer.Ordinal);
        NormalizationNames = normalizations;
    }

    public static BuiltInSchema Instance => Loaded.Value;

    public string GraphApiVersion { get; }

    /// <summary>The <c>user_data</c> keys in schema order.</summary>
    public IReadOnlyList<UserDataKey> UserDataKeys { get; }

    /// <summary>The <c>user_data</c> keys by payload name.</summary>
    public FrozenDictionary<string, UserDataKey> UserData { get; }

    public IReadOnlyList<string> NormalizationNames { get; }

    private static BuiltInSchema Load()
    {
        using Stream stream = typeof(BuiltInSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded parameter schema '{ResourceName}' is missing from CapiKit.");
        using JsonDocument document = JsonDocument.Parse(stream);
        return Parse(document.RootElement);
    }

    internal static BuiltInSchema Parse(JsonElement root)
    {
        string version = root.GetProperty("graphApiVersion").GetString()!;

        List<string> normalizations = [];
        foreach (JsonElement rule in root.GetProperty("normalizations").EnumerateArray())
        {
            normalizations.Add(rule.GetProperty("name").GetString()!);
        }

        List<UserDataKey> userData = [];
        JsonElement fields = root.GetProperty("objects").GetProperty("user_data").GetProperty("fields");
        foreach (JsonElement field in fields.EnumerateArray())
        {
            UserDataKey key = ReadUserDataKey(field);
            if (key.Normalization is not null && !normalizations.Contains(key.Normalization))
            {
                throw new InvalidOperationException($"user_data key '{key.Name}' names the unknown normalization '{key.Normalization}'.");
            }

            userData.Add(key);
        }

        return new BuiltInSchema(version, userData, normalizations);
    }

    private static UserDataKey ReadUserDataKey(JsonElement field)
    {
        HashingPolicy hashing = field.GetProperty("hashing").GetString() switch
        {
            "required" => HashingPolicy.Required,
            "recommended" => HashingPolicy.Recommended,
            "never" => HashingPolicy.Never,
            var other => throw new InvalidOperationException($"Unknown hashing policy '{other}'."),
        };

        return new UserDataKey(
            Name: field.GetProperty("name").GetString()!,
            Label: field.GetProperty("label").GetString()!,
            Hashing: hashing,
            Normalization: field.TryGetProperty("normalization", out JsonElement rule) ? rule.GetString() : null,
            AcceptsMany: field.GetProperty("cardinality").GetString() == "many",
            Description: field.GetProperty("description").GetString()!);
    }
}
