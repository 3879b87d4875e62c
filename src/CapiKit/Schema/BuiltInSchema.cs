using System.Collections.Frozen;
using CapiKit.Pii;

namespace CapiKit.Schema;

/// <summary>
/// The parts of <c>schema/capi.schema.json</c> the runtime needs. The table itself is generated from the
/// schema at build time (<c>GeneratedSchema</c>), so nothing is parsed at startup and no key list is written by hand.
/// </summary>
internal sealed class BuiltInSchema
{
    private BuiltInSchema()
    {
        UserDataKeys = GeneratedSchema.UserDataKeys;
        UserData = UserDataKeys.ToFrozenDictionary(key => key.Name, StringComparer.Ordinal);
    }

    public static BuiltInSchema Instance { get; } = new();

    /// <summary>The <c>user_data</c> keys in schema order.</summary>
    public IReadOnlyList<UserDataKey> UserDataKeys { get; }

    /// <summary>The <c>user_data</c> keys by payload name.</summary>
    public FrozenDictionary<string, UserDataKey> UserData { get; }
}
