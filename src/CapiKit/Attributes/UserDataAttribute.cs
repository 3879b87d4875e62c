namespace CapiKit;

/// <summary>Maps a member to a <c>user_data</c> key. Hashed keys take the raw value; CapiKit normalizes and hashes it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class UserDataAttribute(UserDataField field) : Attribute
{
    /// <summary>The key the member maps to.</summary>
    public UserDataField Field { get; } = field;
}
