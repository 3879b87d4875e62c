using System.Text;
using System.Text.RegularExpressions;

namespace CapiKit.Package.Tests;

/// <summary>
/// Every C# block of the README and of the packages' READMEs compiles against the packed CapiKit, with warnings as
/// errors and nullable on, as a newcomer would paste it. Each block stands alone: what it uses, it declares.
/// Part of <see cref="PackageTests"/> to share its packed CapiKit.
/// </summary>
public sealed partial class PackageTests
{
    private static readonly string[] ReadmesWithCode = ["README.md", "src/CapiKit/README.md", "src/CapiKit.Testing/README.md", "src/CapiKit.AspNetCore/README.md"];

    [Fact]
    public void Every_csharp_block_of_the_READMEs_compiles()
    {
        List<(string Source, int Line, string Code)> blocks = ReadmesWithCode.SelectMany(CsharpBlocks).ToList();
        Assert.True(blocks.Count >= 6, $"only {blocks.Count} C# blocks found");

        string directory = Directory.CreateDirectory(Path.Combine(package.Root, "Readme")).FullName;
        File.WriteAllText(Path.Combine(directory, "Readme.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CapiKit" Version="{package.Version}" />
                <PackageReference Include="CapiKit.Testing" Version="{package.Version}" />
                <PackageReference Include="CapiKit.AspNetCore" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        for (int i = 0; i < blocks.Count; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Block{i}.cs"), AsFile(i, blocks[i].Source, blocks[i].Line, blocks[i].Code));
        }

        (int exit, string output) = DotNet.Run(directory, "build");

        Assert.True(exit == 0, $"README code does not compile:\n{output}");
    }

    private static IEnumerable<(string Source, int Line, string Code)> CsharpBlocks(string readme)
    {
        string text = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, readme)).ReplaceLineEndings("\n");
        (string Source, int Line, string Code)? pending = null;
        foreach (Match match in CsharpBlock().Matches(text))
        {
            int line = text[..match.Index].Count(c => c == '\n') + 2;
            string indent = match.Groups["indent"].Value;
            string code = string.Join('\n', match.Groups["code"].Value.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l));

            // A block that needs packages this test does not pack says which test compiles and runs it instead.
            if (CompiledElsewhere().IsMatch(text[..match.Index].TrimEnd()))
            {
                continue;
            }

            // A block whose introduction says it goes on from the one above (Quick start's step 5 sends step 2's
            // class) is compiled together with it, as a reader following the steps would have it.
            if (pending is { } previous && text[..match.Index].TrimEnd().EndsWith(ContinuesMarker, StringComparison.Ordinal))
            {
                pending = (previous.Source, previous.Line, previous.Code + "\n" + code);
                continue;
            }

            if (pending is { } done)
            {
                yield return done;
            }

            pending = (readme, line, code);
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// One block as a file of its own namespace: using directives first, type declarations (which start at the
    /// margin and end at a closing brace there) as they are, and the statements in a method, so blocks may use the
    /// same names and statements need no entry point of their own.
    /// </summary>
    private static string AsFile(int index, string source, int line, string code)
    {
        StringBuilder usings = new();
        StringBuilder statements = new();
        StringBuilder declarations = new();
        bool inDeclaration = false;
        HashSet<string> seenUsings = new(StringComparer.Ordinal);
        foreach (string text in code.Split('\n'))
        {
            if (inDeclaration)
            {
                declarations.AppendLine(text);
                inDeclaration = text != "}";
            }
            else if (UsingDirective().IsMatch(text))
            {
                // Blocks compiled together may both start with the same directive.
                if (seenUsings.Add(text.Trim()))
                {
                    usings.AppendLine(text);
                }
            }
            else if (DeclarationStart().IsMatch(text))
            {
                declarations.AppendLine(text);
                inDeclaration = !text.TrimEnd().EndsWith(';') && !text.TrimEnd().EndsWith('}');
            }
            else
            {
                statements.AppendLine(text);
            }
        }

        return $$"""
            // {{source}}, the C# block at line {{line}}
            {{usings}}
            namespace Readme.Block{{index}}
            {
                internal static class Snippet
                {
                    internal static async Task RunAsync(string[] args)
                    {
                        await Task.CompletedTask;
            {{statements}}
                    }
                }

            {{declarations}}
            }
            """;
    }

    private const string ContinuesMarker = "<!-- compiled with the C# block above -->";

    [GeneratedRegex(@"<!-- compiled and run by tests/[\w./]+\.cs -->$")]
    private static partial Regex CompiledElsewhere();

    [GeneratedRegex(@"^(?<indent>[ ]*)```csharp\n(?<code>.*?)\n[ ]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"^using (?!var\b)(?!\()[\w.]+( = [\w.<>]+)?;")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^(\[|(public|internal|sealed|static|abstract|partial|file|readonly)\b|(class|record|struct|enum|interface)\b)")]
    private static partial Regex DeclarationStart();
}
