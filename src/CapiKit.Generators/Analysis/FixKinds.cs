namespace CapiKit.Generators.Analysis;

/// <summary>Diagnostic property names and values that tell the code fixes what to do.</summary>
internal static class FixKinds
{
    public const string Fix = "Fix";
    public const string Key = "Key";
    public const string Method = "Method";
    public const string Value = "Value";

    /// <summary>CAPI006: replace the currency literal with the ISO 4217 code in <see cref="Value"/>.</summary>
    public const string UseCurrencyCode = "UseCurrencyCode";

    /// <summary>CAPI007: remove the call that changes the raw value (keep its receiver or argument).</summary>
    public const string RemoveCall = "RemoveCall";

    /// <summary>CAPI008: replace the event name literal with the standard name in <see cref="Value"/>.</summary>
    public const string UseStandardName = "UseStandardName";

    /// <summary>CAPI011: read the test event code from configuration instead of a literal.</summary>
    public const string ReadFromConfiguration = "ReadFromConfiguration";

    /// <summary>CAPI001: wrap the value in <c>PiiNormalizer.NormalizeAndHash(key, value)</c>.</summary>
    public const string WrapInNormalizeAndHash = "WrapInNormalizeAndHash";

    /// <summary>CAPI001: call the builder's raw-value method (<c>AddEmail</c>) instead of the pre-hashed one.</summary>
    public const string UseRawValueMethod = "UseRawValueMethod";

    /// <summary>CAPI002: add <c>ActionSource = ActionSource.X</c> to <c>[ConversionEvent]</c>.</summary>
    public const string AddToAttribute = "AddToAttribute";

    /// <summary>CAPI002: add <c>action_source = "x"</c> to an anonymous object.</summary>
    public const string AddToAnonymousObject = "AddToAnonymousObject";

    /// <summary>CAPI002: add <c>["action_source"] = "x"</c> to an object initializer.</summary>
    public const string AddIndexerEntry = "AddIndexerEntry";

    /// <summary>CAPI002: add <c>{ "action_source", "x" }</c> to a collection initializer.</summary>
    public const string AddCollectionEntry = "AddCollectionEntry";
}
