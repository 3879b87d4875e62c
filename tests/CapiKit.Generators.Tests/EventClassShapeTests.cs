using CapiKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace CapiKit.Generators.Tests;

/// <summary>
/// The shapes people write for event classes generate code that compiles without a single warning under nullable
/// (warnings are errors in many projects): records, positional records, derived classes, optional and missing times.
/// Each case calls the generated members, so a shape the generator skipped fails with CS1061.
/// </summary>
public sealed class EventClassShapeTests
{
    private const string Usings = "using CapiKit;\nusing System;\n";

    [Theory]
    [InlineData("record", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial record Signup
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [EventTime] public DateTimeOffset At { get; init; }
        }
        static class Use { static string Json() => new Signup { Email = "a@example.com", At = DateTimeOffset.UtcNow }.ToServerEvent().ToJson(); }
        """)]
    [InlineData("positional record", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial record Signup([property: UserData(UserDataField.Email)] string Email, [property: EventTime] DateTimeOffset At);
        static class Use { static string Json() => new Signup("a@example.com", DateTimeOffset.UtcNow).ToServerEvent().ToJson(); }
        """)]
    [InlineData("sealed record", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public sealed partial record Signup([property: UserData(UserDataField.Email)] string Email);
        static class Use { static string Json() => new Signup("a@example.com").ToServerEvent().ToJson(); }
        """)]
    [InlineData("no event time: the time of the call", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial class Signup { [UserData(UserDataField.Email)] public string? Email { get; init; } }
        static class Use { static string Json() => new Signup { Email = "a@example.com" }.ToServerEvent().ToJson(); }
        """)]
    [InlineData("optional event time", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial class Signup
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [EventTime] public DateTimeOffset? At { get; init; }
            [EventId] public string? Id { get; init; }
        }
        static class Use { static string Json() => new Signup().ToServerEvent().ToJson(); }
        """)]
    [InlineData("derived event class", """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Email)]
        public partial class Signup
        {
            [UserData(UserDataField.Email)] public string? Email { get; init; }
            [EventTime] public DateTimeOffset At { get; init; }
        }

        [ConversionEvent(StandardEvent.CompleteRegistration, ActionSource = ActionSource.Email)]
        public partial class VerifiedSignup : Signup
        {
            [UserData(UserDataField.ExternalId)] public string? AccountId { get; init; }
        }

        static class Use
        {
            static string Json()
            {
                Signup signup = new VerifiedSignup { Email = "a@example.com", AccountId = "42", At = DateTimeOffset.UtcNow };
                return signup.ToServerEvent().ToJson();
            }
        }
        """)]
    public async Task Compiles_without_warnings(string shape, string source)
    {
        _ = shape;
        GeneratorTest test = GeneratorTest.ForDiagnostics(Usings + source);
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        test.DisabledDiagnostics.Add("CS1591");   // the test's own types have no XML documentation
        await test.RunAsync();
    }
}
