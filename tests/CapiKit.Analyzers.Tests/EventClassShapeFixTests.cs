using CapiKit.Analyzers.Tests.Infrastructure;
using Shape = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.EventClassShapeAnalyzer, CapiKit.CodeFixes.AddPartialCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI110's fix: <c>partial</c> on every declaration of a [ConversionEvent] class that lacks it, one at a time and with Fix All.</summary>
public sealed class EventClassShapeFixTests
{
    private const string U = Shape.Usings;
    private const string Key = "CAPI110.AddPartial";

    [Fact]
    public Task Partial_goes_after_the_other_modifiers_or_first() => Shape.Fix(
        U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public sealed class {|CAPI110:Lead|} { }

        [ConversionEvent(StandardEvent.Contact, ActionSource = ActionSource.Email)]
        class {|CAPI110:Contact|} { }

        namespace Shop
        {
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhysicalStore)]
            internal record {|CAPI110:Sale|}([property: CustomData(CustomDataField.Value)] decimal Total);
        }
        """,
        U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public sealed partial class Lead { }

        [ConversionEvent(StandardEvent.Contact, ActionSource = ActionSource.Email)]
        partial class Contact { }

        namespace Shop
        {
            [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhysicalStore)]
            internal partial record Sale([property: CustomData(CustomDataField.Value)] decimal Total);
        }
        """,
        Key);

    [Fact]
    public Task Every_declaration_that_lacks_it_gets_it_across_files() => Shape.FixFiles(
        [
            ("/0/Lead.cs", U + """
                [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
                public class {|CAPI110:{|CS0260:Lead|}|} { }
                """),
            ("/0/Lead.Mapping.cs", U + """
                public partial class Lead { [UserData(UserDataField.Email)] public string? Email { get; init; } }
                """),
            ("/0/Signup.cs", U + """
                [ConversionEvent(StandardEvent.CompleteRegistration, ActionSource = ActionSource.Website)]
                public class {|CAPI110:Signup|} { }
                """),
        ],
        [
            ("/0/Lead.cs", U + """
                [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
                public partial class Lead { }
                """),
            ("/0/Lead.Mapping.cs", U + """
                public partial class Lead { [UserData(UserDataField.Email)] public string? Email { get; init; } }
                """),
            ("/0/Signup.cs", U + """
                [ConversionEvent(StandardEvent.CompleteRegistration, ActionSource = ActionSource.Website)]
                public partial class Signup { }
                """),
        ],
        Key);

    [Fact]
    public Task A_partial_class_is_left_alone() => Shape.Diagnostics(U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class Lead { }
        """);
}
