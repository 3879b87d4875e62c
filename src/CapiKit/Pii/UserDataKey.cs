namespace CapiKit.Pii;

/// <summary>A <c>user_data</c> key as the parameter schema describes it.</summary>
/// <param name="Name">The payload key, as Meta spells it (<c>em</c>, <c>ph</c>, ...).</param>
/// <param name="Label">The key's name in CapiKit's API (<c>Email</c>, <c>Phone</c>, ...).</param>
/// <param name="Hashing">Whether the value is sent hashed.</param>
/// <param name="Normalization">The name of the normalization rule of a hashed key; <see langword="null"/> for raw keys.</param>
/// <param name="AcceptsMany">Whether the key takes a list of values.</param>
/// <param name="Description">The schema's one-line description.</param>
/// <param name="Format">The format the schema gives a raw key's value (<c>click_id</c>, <c>ip_address</c>, ...), or <see langword="null"/>.</param>
public sealed record UserDataKey(
    string Name,
    string Label,
    HashingPolicy Hashing,
    string? Normalization,
    bool AcceptsMany,
    string Description,
    string? Format = null)
{
    /// <summary>Whether CapiKit normalizes and hashes this key's values.</summary>
    public bool IsHashed => Hashing != HashingPolicy.Never;
}
