using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CapiKit.Pii.Hashing;

namespace CapiKit.Tests.Pii.Hashing;

/// <summary>
/// Runs the differential SHA-256 check in child processes with the runtime's ISA switches off, so every
/// hardware path is proven on a machine that would otherwise only take the widest one. Each child reports the
/// path it really took, and the test asserts it.
/// </summary>
public sealed class HardwarePathTests
{
    // The child checks fewer random values than the in-process test: the sweep of every length and lane count
    // runs in full regardless, and each child pays a process start.
    private const int ChildRandomValues = 60_000;

    public static TheoryData<string, string, string> Switches => new()
    {
        // .NET 10 reads DOTNET_EnableAVX512 for the whole AVX-512 family (F, BW, CD, DQ, VL); the older
        // DOTNET_EnableAVX512F=0 is ignored by it (checked on this repository's runtime, 10.0.12) ...
        { "DOTNET_EnableAVX512", "0", Narrowest(Sha256BatchPath.Vector256).ToString() },
        // ... and AVX-512 depends on AVX2, so this one leaves no vector path at all.
        { "DOTNET_EnableAVX2", "0", Sha256BatchPath.Platform.ToString() },
        // No hardware intrinsics at all.
        { "DOTNET_EnableHWIntrinsic", "0", Sha256BatchPath.Platform.ToString() },
        // 512-bit vectors are not "accelerated" when the runtime is told to prefer 256 bits.
        { "DOTNET_PreferredVectorBitWidth", "256", Narrowest(Sha256BatchPath.Vector256).ToString() },
        // CapiKit's own switch.
        { BatchSha256.DisableVariable, "1", Sha256BatchPath.Platform.ToString() },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public void Each_hardware_path_hashes_as_SHA256_HashData_in_a_process_forced_onto_it(string variable, string value, string expectedPath)
    {
        Sha256BatchPath expected = Enum.Parse<Sha256BatchPath>(expectedPath);
        (int exitCode, string output) = RunChild(variable, value);

        Assert.True(exitCode == 0, output);
        Assert.StartsWith($"path={expected} ", output, StringComparison.Ordinal);
        Assert.Contains("Platform: ", output, StringComparison.Ordinal);
        Assert.Contains("Compute: ", output, StringComparison.Ordinal);
        Assert.Contains("Conformance: ", output, StringComparison.Ordinal);
        if (expected != Sha256BatchPath.Platform)
        {
            Assert.Contains($"{expected}: ", output, StringComparison.Ordinal);
        }

        if (variable is "DOTNET_EnableAVX512" or "DOTNET_PreferredVectorBitWidth")
        {
            Assert.Contains("vector512=False", output, StringComparison.Ordinal);
        }
        else if (variable is "DOTNET_EnableAVX2" or "DOTNET_EnableHWIntrinsic")
        {
            Assert.Contains("vector256=False", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_AppContext_switch_sends_every_value_through_SHA256_HashData()
    {
        // The switch as a project's RuntimeHostConfigurationOption sets it: in the app's runtimeconfig.json.
        string assembly = typeof(Program).Assembly.Location;
        JsonObject config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(assembly, ".runtimeconfig.json")))!.AsObject();
        JsonObject options = config["runtimeOptions"]!.AsObject();
        JsonObject properties = options["configProperties"] as JsonObject ?? [];
        options["configProperties"] = properties;
        properties[BatchSha256.DisableSwitch] = true;
        string runtimeConfig = Path.Combine(Path.GetTempPath(), $"capikit-sha256-{Guid.NewGuid():N}.runtimeconfig.json");
        File.WriteAllText(runtimeConfig, config.ToJsonString());
        try
        {
            (int exitCode, string output) = RunChild(null, null, runtimeConfig);

            Assert.True(exitCode == 0, output);
            Assert.StartsWith($"path={Sha256BatchPath.Platform} ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(runtimeConfig);
        }
    }

    private static Sha256BatchPath Narrowest(Sha256BatchPath cap) =>
        Sha256Vector512.IsSupported || Sha256Vector256.IsSupported ? cap : Sha256BatchPath.Platform;

    private static (int ExitCode, string Output) RunChild(string? variable, string? value, string? runtimeConfig = null)
    {
        ProcessStartInfo start = new(DotNetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        if (runtimeConfig is not null)
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }

        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(Program.Sha256Check);
        start.ArgumentList.Add(ChildRandomValues.ToString(CultureInfo.InvariantCulture));
        start.Environment.Remove(BatchSha256.DisableVariable);
        if (variable is not null)
        {
            start.Environment[variable] = value;
        }

        using Process child = Process.Start(start)!;
        Task<string> error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return (child.ExitCode, output + error.Result);
    }

    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process
        : "dotnet";
}
