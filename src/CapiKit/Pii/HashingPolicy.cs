namespace CapiKit.Pii;

/// <summary>Whether Meta wants a <c>user_data</c> key SHA-256 hashed, as the parameter schema says.</summary>
public enum HashingPolicy
{
    /// <summary>Meta rejects the value unless it is normalized and hashed (e-mail, phone, names, ...).</summary>
    Required,

    /// <summary>Meta recommends hashing (<c>external_id</c>); CapiKit always hashes.</summary>
    Recommended,

    /// <summary>Meta needs the raw value and cannot match a hashed one (IP address, user agent, <c>fbc</c>, ...).</summary>
    Never,
}
