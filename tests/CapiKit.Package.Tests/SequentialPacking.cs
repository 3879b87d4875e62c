namespace CapiKit.Package.Tests;

/// <summary>
/// Tests that pack CapiKit run one after another: two packs of the same project at once would fight over its
/// Release build folder.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SequentialPacking
{
    public const string Name = "Packing";
}
