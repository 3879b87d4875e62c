namespace CapiKit.Pii;

/// <summary>Why a value could not be normalized. The raw value itself is never part of the reason.</summary>
public enum NormalizationFailure
{
    /// <summary>The value is null, empty, or nothing is left once punctuation and spaces are removed.</summary>
    Empty,

    /// <summary>The value is not well-formed Unicode text (an unpaired surrogate).</summary>
    MalformedText,

    /// <summary>The value does not have the shape the key needs (an e-mail without a domain, a date with four parts, ...).</summary>
    InvalidFormat,

    /// <summary>The value has the right shape but names something that does not exist (February 30th, an unknown country).</summary>
    Unrecognized,

    /// <summary>A phone number has no country code and no default region was given.</summary>
    MissingCountryCode,

    /// <summary>The key is not a <c>user_data</c> key of the parameter schema.</summary>
    UnknownField,

    /// <summary>The key must be sent raw: Meta cannot match a hashed value.</summary>
    NotHashed,

    /// <summary>An option, such as the default phone region, is invalid.</summary>
    InvalidOption,
}
