using System.Globalization;
using System.Runtime.Intrinsics;
using CapiKit.Pii.Hashing;
using CapiKit.Tests.Pii.Hashing;

namespace CapiKit.Tests;

/// <summary>
/// The test host runs the tests through its own entry point. This one serves the child processes of
/// <see cref="HardwarePathTests"/>: the runtime's ISA switches apply to a whole process, so the parent starts
/// the same assembly with a switch set and reads which path the child took and whether its digests agreed.
/// </summary>
internal static class Program
{
    public const string Sha256Check = "--sha256-check";

    public static int Main(string[] args)
    {
        if (args is not [Sha256Check, string count])
        {
            return 0;
        }

        Console.WriteLine($"path={BatchSha256.Path} vector512={Vector512.IsHardwareAccelerated} vector256={Vector256.IsHardwareAccelerated}");
        int values = int.Parse(count, CultureInfo.InvariantCulture);
        foreach (Sha256BatchPath path in Sha256Differential.SupportedPaths())
        {
            (long checkedValues, string? mismatch) = Sha256Differential.Run(path, values, seed: 17);
            Console.WriteLine(mismatch ?? $"{path}: {checkedValues} values agree");
            if (mismatch is not null)
            {
                return 1;
            }
        }

        (long computed, string? computeMismatch) = Sha256Differential.RunCompute(perLength: 50, seed: 17);
        Console.WriteLine(computeMismatch ?? $"Compute: {computed} values agree");
        (int conformance, string? conformanceMismatch) = ConformanceHashCheck.Run();
        Console.WriteLine(conformanceMismatch ?? $"Conformance: {conformance} values agree");
        return computeMismatch is null && conformanceMismatch is null ? 0 : 1;
    }
}
