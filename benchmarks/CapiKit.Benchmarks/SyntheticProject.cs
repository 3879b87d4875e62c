using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapiKit.Benchmarks;

/// <summary>Compilations of generated source for the generator and analyzer benchmarks, on the running framework's assemblies.</summary>
internal static class SyntheticProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static IReadOnlyList<MetadataReference> References { get; } =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(ServerEvent).Assembly.Location),
    ];

    public static CSharpCompilation Compile(string name, IEnumerable<(string Path, string Source)> files) =>
        CSharpCompilation.Create(
            name,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>An attributed event class with the members a real one maps.</summary>
    public static string EventClass(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using CapiKit;
        namespace Shop.Events;
        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
        public partial class Purchase{{i}}
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [UserData(UserDataField.Phone)] public string? Phone { get; init; }
            [UserData(UserDataField.FirstName)] public string? FirstName { get; init; }
            [UserData(UserDataField.ClientIpAddress)] public string? Ip { get; init; }
            [UserData(UserDataField.ClientUserAgent)] public string UserAgent { get; init; } = "";
            [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
            [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "USD";
            [CustomData(CustomDataField.Contents)] public IReadOnlyList<Content>? Items { get; init; }
            [EventTime] public DateTimeOffset At { get; init; }
            [EventId] public string Id { get; init; } = "";
            [EventSourceUrl] public string Url { get; init; } = "";
        }
        """;

    /// <summary>The same shape as a plain type for System.Text.Json's generator.</summary>
    public static string JsonType(int i) => $$"""
        using System;
        using System.Collections.Generic;
        namespace Shop.Json;
        public class Purchase{{i}}
        {
            public string? Email { get; init; }
            public string? Phone { get; init; }
            public string? FirstName { get; init; }
            public string? Ip { get; init; }
            public string UserAgent { get; init; } = "";
            public decimal Total { get; init; }
            public string Currency { get; init; } = "USD";
            public IReadOnlyList<string>? Items { get; init; }
            public DateTimeOffset At { get; init; }
            public string Id { get; init; } = "";
            public string Url { get; init; } = "";
        }
        """;

    public static string JsonContext(int count) =>
        "using System.Text.Json.Serialization;\nnamespace Shop.Json;\n"
        + string.Concat(Enumerable.Range(0, count).Select(i => $"[JsonSerializable(typeof(Purchase{i}))]\n"))
        + "public partial class ShopJsonContext : JsonSerializerContext { }\n";

    /// <summary>The SDK's System.Text.Json source generator, from the targeting pack of the running framework.</summary>
    public static ISourceGenerator SystemTextJsonGenerator()
    {
        string packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref");
        string version = Directory.GetDirectories(packs).Select(Path.GetFileName).Max(StringComparer.Ordinal)!;
        string path = Path.GetFullPath(Path.Combine(packs, version, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"));
        return LoadReference(path).GetGenerators(LanguageNames.CSharp).Single();
    }

    /// <summary>The .NET SDK's own code-quality analyzers (CA rules), as <c>dotnet build</c> runs them.</summary>
    public static IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> SdkAnalyzers()
    {
        string sdk = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "sdk"));
        string version = Directory.GetDirectories(sdk).Select(Path.GetFileName).Where(v => char.IsDigit(v![0])).Max(StringComparer.Ordinal)!;
        string analyzers = Path.Combine(sdk, version, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        return SdkAnalyzerFiles.SelectMany(file => LoadReference(Path.Combine(analyzers, file)).GetAnalyzers(LanguageNames.CSharp));
    }

    private static readonly string[] SdkAnalyzerFiles = ["Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"];

    private static Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference LoadReference(string path) =>
        new(path, new AssemblyLoader());

    private sealed class AssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
