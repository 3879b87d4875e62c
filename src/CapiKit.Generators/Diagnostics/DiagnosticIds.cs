namespace CapiKit.Generators;

/// <summary>
/// Every CapiKit diagnostic ID, in one place. <c>CAPI0nn</c> are usage rules reported by analyzers;
/// <c>CAPI1nn</c> are schema, extension-file and attribute-shape errors reported by the generator.
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

    public const string MalformedSchemaFile = "CAPI100";
    public const string InvalidSchemaFile = "CAPI101";
    public const string SchemaNameConflict = "CAPI102";
    public const string EventClassNotPartial = "CAPI110";
    public const string MemberTypeNotMappable = "CAPI111";
    public const string FieldMappedTwice = "CAPI112";
    public const string UnknownCustomDataKey = "CAPI113";
    public const string EventClassShapeNotSupported = "CAPI114";
}
