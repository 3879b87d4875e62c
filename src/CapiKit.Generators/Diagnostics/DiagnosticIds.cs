namespace CapiKit.Generators;

/// <summary>
/// Every CapiKit diagnostic ID, in one place. <c>CAPI0nn</c> are usage rules reported by analyzers;
/// <c>CAPI1nn</c> are schema, extension-file and attribute-shape errors, reported by analyzers too (the generator
/// only leaves out what they report, and reports the built-in schema failing to load).
/// Other tools, docs and users' .editorconfig files depend on these IDs: never reuse or renumber one.
/// </summary>
internal static class DiagnosticIds
{
    public const string UnhashedPii = "CAPI001";
    public const string MissingActionSource = "CAPI002";
    public const string EventTimeOutsideWindow = "CAPI003";
    public const string EventTimeNotSeconds = "CAPI004";
    public const string WebsiteEventIncomplete = "CAPI005";
    public const string PurchaseIncomplete = "CAPI006";
    public const string RawKeyModified = "CAPI007";
    public const string NearMissEventName = "CAPI008";
    public const string ConstantEventId = "CAPI009";
    public const string TooManyEvents = "CAPI010";
    public const string TestEventCodeInCode = "CAPI011";
    public const string SecretInSource = "CAPI012";
    public const string InvalidOnlyCustomerInformation = "CAPI013";
    public const string AppDataMismatch = "CAPI014";

    public const string MalformedSchemaFile = "CAPI100";
    public const string InvalidSchemaFile = "CAPI101";
    public const string SchemaNameConflict = "CAPI102";
    public const string EventClassNotPartial = "CAPI110";
    public const string MemberTypeNotMappable = "CAPI111";
    public const string FieldMappedTwice = "CAPI112";
    public const string UnknownCustomDataKey = "CAPI113";
    public const string EventClassShapeNotSupported = "CAPI114";
}
