namespace CapiKit.Generators;

/// <summary>
/// Every CapiKit diagnostic ID, in one place. <c>CAPI0nn</c> are usage rules reported by analyzers;
/// <c>CAPI1nn</c> are schema, extension-file and attribute-shape errors, reported by analyzers too (the generator
/// only leaves out what they report, and reports the built-in schema failing to load).
/// Other tools, docs and users' .editorconfig files depend on these IDs: never reuse or renumber one.
/// </summary>
internal static class DiagnosticIds
{
    public const string UnhashedPii = Analysis.Rules.CAPI001UnhashedPii.Id;
    public const string MissingActionSource = Analysis.Rules.CAPI002MissingActionSource.Id;
    public const string EventTimeOutsideWindow = Analysis.Rules.CAPI003EventTimeOutsideWindow.Id;
    public const string EventTimeNotSeconds = Analysis.Rules.CAPI004EventTimeNotSeconds.Id;
    public const string ActionSourceRequirementMissing = Analysis.Rules.CAPI005ActionSourceRequirementMissing.Id;
    public const string PurchaseIncomplete = Analysis.Rules.CAPI006PurchaseIncomplete.Id;
    public const string RawKeyModified = Analysis.Rules.CAPI007RawKeyModified.Id;
    public const string NearMissEventName = Analysis.Rules.CAPI008NearMissEventName.Id;
    public const string ConstantEventId = Analysis.Rules.CAPI009ConstantEventId.Id;
    public const string TooManyEvents = Analysis.Rules.CAPI010TooManyEvents.Id;
    public const string TestEventCodeInCode = Analysis.Rules.CAPI011TestEventCodeInCode.Id;
    public const string SecretInSource = Analysis.Rules.CAPI012SecretInSource.Id;
    public const string InvalidOnlyCustomerInformation = Analysis.Rules.CAPI013InvalidOnlyCustomerInformation.Id;
    public const string AppDataMismatch = Analysis.Rules.CAPI014AppDataMismatch.Id;
    public const string HashedWithoutNormalization = Analysis.Rules.CAPI016HashedWithoutNormalization.Id;

    public const string MalformedSchemaFile = Analysis.Rules.CAPI100MalformedSchemaFile.Id;
    public const string InvalidSchemaFile = Analysis.Rules.CAPI101InvalidSchemaFile.Id;
    public const string SchemaNameConflict = Analysis.Rules.CAPI102SchemaNameConflict.Id;
    public const string EventClassNotPartial = Analysis.Rules.CAPI110EventClassNotPartial.Id;
    public const string MemberTypeNotMappable = Analysis.Rules.CAPI111MemberTypeNotMappable.Id;
    public const string FieldMappedTwice = Analysis.Rules.CAPI112FieldMappedTwice.Id;
    public const string UnknownCustomDataKey = Analysis.Rules.CAPI113UnknownCustomDataKey.Id;
    public const string EventClassShapeNotSupported = Analysis.Rules.CAPI114EventClassShapeNotSupported.Id;
}
