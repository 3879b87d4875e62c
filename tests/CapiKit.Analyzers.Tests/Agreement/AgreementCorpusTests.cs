using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CapiKit.Delivery;
using CapiKit.Generators.Analysis;
using CapiKit.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Analyzers.Tests.Agreement;

/// <summary>
/// One verdict everywhere (ARCHITECTURE.md, invariant 9): every payload of <c>tests/agreement/payloads.json</c> gives
/// the rule IDs it is labelled with from the analyzers (the payload written as an anonymous object and as a JSON
/// literal), from the run-time pre-flight and from the emulator.
/// </summary>
public sealed class AgreementCorpusTests
{
    private const string Token = "EAAagreement0corpus0token000000000000000000000000000000000000000000000";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<string> Cases()
    {
        TheoryData<string> names = new();
        foreach (JsonNode? item in Corpus()["cases"]!.AsArray())
        {
            names.Add(item!["name"]!.GetValue<string>());
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pre_flight_gives_the_labelled_rules(string name)
    {
        (JsonObject @event, string[] expected) = Case(name);
        using JsonDocument document = JsonDocument.Parse(Resolve(@event).ToJsonString());
        Assert.Equal(expected, Ids(EventRules.Validate(document.RootElement, Now)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_emulator_gives_the_labelled_rules(string name)
    {
        (JsonObject @event, string[] expected) = Case(name);
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = Token });
        using HttpClient http = new() { BaseAddress = emulator.BaseAddress };
        JsonObject body = new() { ["data"] = new JsonArray(Resolve(@event)), ["access_token"] = Token };
        using HttpResponseMessage response = await http.PostAsync(
            new Uri($"{CapiSchema.GraphApiVersion}/1234567890/events", UriKind.Relative),
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        ReceivedRequest received = Assert.Single(emulator.Requests);
        Assert.Equal(expected.Length == 0 ? 200 : 400, (int)response.StatusCode);
        Assert.Equal(expected, Ids(received.Problems ?? []));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzers_give_the_labelled_rules_on_an_anonymous_object(string name)
    {
        (JsonObject @event, string[] expected) = Case(name);
        string source = $$"""
            using System;

            internal static class Payload
            {
                public static object Event() => {{CSharp.AnonymousObject(@event)}};
            }
            """;
        Assert.Equal(expected, await AnalyzeAsync(source));
    }

    /// <summary>
    /// A JSON literal can hold only a constant event_time, and a constant timestamp in source goes stale: the analyzer
    /// reports it as CAPI003 by design (docs/diagnostics/CAPI003.md). Apart from that, the verdict is the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzers_give_the_labelled_rules_on_a_JSON_literal(string name)
    {
        (JsonObject @event, string[] expected) = Case(name);
        string json = Resolve(@event).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        string source = $$"""""
            internal static class Payload
            {
                public const string Event = """"
            {{json}}
            """";
            }
            """"";
        bool constantSeconds = @event["event_time"]?.GetValue<string>() is { } token && token != "$nowMs";
        string[] expectedForLiteral = constantSeconds ? expected.Append("CAPI003").Distinct().Order(StringComparer.Ordinal).ToArray() : expected;
        Assert.Equal(expectedForLiteral, await AnalyzeAsync(source));
    }

    [Fact]
    public void The_corpus_covers_every_rule_that_can_be_decided_from_one_event()
    {
        string[] covered = Corpus()["cases"]!.AsArray().SelectMany(c => c!["expect"]!.AsArray().Select(id => id!.GetValue<string>())).Distinct().Order(StringComparer.Ordinal).ToArray();

        // CAPI008 (near-miss names), CAPI009, CAPI011 and CAPI012 are about code, names or
        // requests, not one event's validity; CAPI010 is a request of more than 1,000 events.
        Assert.Equal(["CAPI001", "CAPI002", "CAPI003", "CAPI004", "CAPI005", "CAPI006", "CAPI007", "CAPI013", "CAPI014"], covered);
        Assert.Contains(Corpus()["cases"]!.AsArray(), c => c!["expect"]!.AsArray().Count == 0);
    }

    private static string[] Ids(IEnumerable<EventProblem> problems) =>
        problems.Select(p => p.DiagnosticId ?? $"(no rule: {p.Field}: {p.Message})").Distinct().Order(StringComparer.Ordinal).ToArray();

    private static async Task<string[]> AnalyzeAsync(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Agreement",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(ServerEvent).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new PayloadAnalyzer(), new BuilderUsageAnalyzer(), new ConversionEventUsageAnalyzer(), new EventClassAnalyzer(), new SecretsAnalyzer()];
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    private static (JsonObject Event, string[] Expected) Case(string name)
    {
        JsonNode item = Corpus()["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        return (item["event"]!.AsObject(), item["expect"]!.AsArray().Select(id => id!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray());
    }

    private static JsonNode Corpus() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "agreement", "payloads.json")))!;

    /// <summary>The event with its event_time token replaced by the time it stands for.</summary>
    private static JsonObject Resolve(JsonObject @event)
    {
        JsonObject copy = @event.DeepClone().AsObject();
        if (copy["event_time"]?.GetValue<string>() is { } token)
        {
            copy["event_time"] = token == "$nowMs" ? Now.ToUnixTimeMilliseconds() : EventTime.At(token).ToUnixTimeSeconds();
        }

        return copy;
    }

    /// <summary>The corpus's event_time tokens: <c>$now</c>, <c>$now-8d</c>, <c>$now+1h</c>.</summary>
    internal static class EventTime
    {
        public static DateTimeOffset At(string token) => token switch
        {
            "$now" => Now,
            _ when token.StartsWith("$now", StringComparison.Ordinal) => token[^1] switch
            {
                'd' => Now.AddDays(int.Parse(token[4..^1], CultureInfo.InvariantCulture)),
                'h' => Now.AddHours(int.Parse(token[4..^1], CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"unknown event_time token {token}"),
            },
            _ => throw new FormatException($"unknown event_time token {token}"),
        };

        /// <summary>The C# expression a developer would write for the token.</summary>
        public static string Expression(string token) => token switch
        {
            "$now" => "DateTimeOffset.UtcNow.ToUnixTimeSeconds()",
            "$nowMs" => "DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()",
            _ when token[^1] == 'd' => $"DateTimeOffset.UtcNow.AddDays({token[4..^1]}).ToUnixTimeSeconds()",
            _ => $"DateTimeOffset.UtcNow.AddHours({token[4..^1]}).ToUnixTimeSeconds()",
        };
    }

    /// <summary>JSON written as the anonymous objects and arrays a developer would write in C#.</summary>
    private static class CSharp
    {
        public static string AnonymousObject(JsonObject @object) =>
            "new { " + string.Join(", ", @object.Select(p => $"{p.Key} = {Value(p.Key, p.Value)}")) + " }";

        private static string Value(string key, JsonNode? node) => node switch
        {
            null => "(string?)null",
            JsonObject o => AnonymousObject(o),
            JsonArray a when a.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => "new[] { " + string.Join(", ", a.Select(i => Value(key, i))) + " }",
            JsonArray a => "new object[] { " + string.Join(", ", a.Select(i => Value(key, i))) + " }",
            JsonValue v when key == "event_time" && v.GetValueKind() == JsonValueKind.String => EventTime.Expression(v.GetValue<string>()),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => SymbolDisplay.FormatLiteral(v.GetValue<string>(), quote: true),
            JsonValue v => v.ToJsonString(),
            _ => throw new NotSupportedException(node.GetType().Name),
        };
    }
}
