namespace CapiKit.Generators.Generation;

/// <summary>Names of the incremental steps, so tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string IsToolkitAssembly = nameof(IsToolkitAssembly);
    public const string ExtensionFiles = nameof(ExtensionFiles);
    public const string Extensions = nameof(Extensions);
    public const string EventClasses = nameof(EventClasses);
    public const string EventClassModels = nameof(EventClassModels);
    public const string EventClassOutputs = nameof(EventClassOutputs);
}
