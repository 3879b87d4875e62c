using CapiKit.Analyzers.Tests.Infrastructure;
using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.EventTimeCodeFixProvider>;
using Usage = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.ConversionEventUsageAnalyzer, CapiKit.CodeFixes.EventTimeCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>CAPI003 (outside the window) and CAPI004 (not seconds) wherever an event time is known at compile time.</summary>
public sealed class EventTimeTests
{
    private const string U = Verify<PayloadAnalyzer, EventTimeCodeFixProvider>.Usings;

    [Fact]
    public Task Times_older_than_the_window_or_in_the_future_through_the_builders() => Usage.Diagnostics(U + """
        class Sender
        {
            static readonly EventDefinition Lead = EventDefinition.Lead;
            void Send(TimeProvider clock, DateTimeOffset orderedAt)
            {
                ServerEvent.ForWebsite(Lead, {|CAPI003:DateTimeOffset.UtcNow.AddDays(-8)|}, "https://shop.example/", "ua");
                ServerEvent.ForEmail(Lead, {|CAPI003:DateTimeOffset.UtcNow - TimeSpan.FromDays(10)|});
                ServerEvent.ForChat(Lead, {|CAPI003:clock.GetUtcNow().Subtract(new TimeSpan(9, 0, 0, 0))|});
                ServerEvent.ForEmail(Lead, {|CAPI003:DateTimeOffset.UtcNow.AddHours(2)|});
                ServerEvent.ForPhysicalStore(Lead, {|CAPI003:DateTimeOffset.UtcNow.AddDays(-63)|});
                ServerEvent.ForOther(Lead, {|CAPI003:DateTimeOffset.FromUnixTimeSeconds(1633552688)|});
                ServerEvent.Create("Lead", {|CAPI003:new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)|}, ActionSource.Website);

                ServerEvent.ForWebsite(Lead, DateTimeOffset.UtcNow, "https://shop.example/", "ua");
                ServerEvent.ForEmail(Lead, DateTimeOffset.UtcNow.AddDays(-6));
                ServerEvent.ForEmail(Lead, DateTimeOffset.UtcNow.AddMinutes(3));
                ServerEvent.ForPhysicalStore(Lead, DateTimeOffset.UtcNow.AddDays(-30));
                ServerEvent.ForEmail(Lead, orderedAt);
                ServerEvent.Create("Lead", DateTimeOffset.UtcNow.AddDays(-30), ActionSource.PhysicalStore);
            }
        }
        """);

    [Fact]
    public Task EventTime_members_of_ConversionEvent_classes() => Usage.Diagnostics(U + """
        [ConversionEvent(StandardEvent.Lead, ActionSource = ActionSource.Website)]
        public partial class Lead
        {
            [EventTime] public DateTimeOffset At { get; init; } = {|CAPI003:DateTimeOffset.UtcNow.AddDays(-8)|};
        }

        [ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhysicalStore)]
        public partial class StorePurchase
        {
            [EventTime] public DateTimeOffset At { get; init; }
        }

        class Sender
        {
            Lead Make() => new Lead { At = {|CAPI003:DateTimeOffset.UtcNow.AddDays(-20)|} };
            StorePurchase Store() => new StorePurchase { At = DateTimeOffset.UtcNow.AddDays(-20) };
        }
        """);

    [Fact]
    public Task Hand_built_event_times() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Old() => new { action_source = "chat", event_time = {|CAPI003:DateTimeOffset.UtcNow.AddDays(-9).ToUnixTimeSeconds()|}, user_data = new { external_id = "c-1" } };
            object Fixed() => new { action_source = "chat", event_time = {|CAPI003:1633552688|}, user_data = new { external_id = "c-1" } };
            object Store() => new { action_source = "physical_store", event_time = DateTimeOffset.UtcNow.AddDays(-40).ToUnixTimeSeconds(), user_data = new { external_id = "c-1" } };
            object Fine() => new { action_source = "chat", event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), user_data = new { external_id = "c-1" } };
        }
        """);

    [Fact]
    public Task Milliseconds_ticks_and_local_time() => Payloads.Diagnostics(U + """
        class Sender
        {
            object Ms() => new { action_source = "chat", event_time = {|CAPI004:DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()|}, user_data = new { external_id = "c-1" } };
            object JsDate() => new { action_source = "chat", event_time = {|CAPI004:1770000000000|}, user_data = new { external_id = "c-1" } };
            object Ticks() => new { action_source = "chat", event_time = {|CAPI004:DateTime.UtcNow.Ticks|}, user_data = new { external_id = "c-1" } };
            object Local() => new { action_source = "chat", event_time = {|CAPI004:(long)(DateTime.Now - new DateTime(1970, 1, 1)).TotalSeconds|}, user_data = new { external_id = "c-1" } };
            object Utc() => new { action_source = "chat", event_time = (long)(DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalSeconds, user_data = new { external_id = "c-1" } };
        }
        """);

    [Fact]
    public Task Milliseconds_through_the_builders() => Usage.Diagnostics(U + """
        class Sender
        {
            ServerEvent Send() => ServerEvent.ForEmail(EventDefinition.Lead, {|CAPI004:DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())|});
        }
        """);

    [Fact]
    public Task JSON_with_a_millisecond_event_time() => Payloads.Diagnostics(U + """
        class Sender { string Body = "{\"action_source\":\"chat\",{|CAPI004:\"event_time\"|}:1770000000000,\"user_data\":{\"external_id\":\"c-1\"}}"; }
        """);

    [Fact]
    public Task Fix_uses_the_current_time_in_the_expressions_own_type() => Usage.Fix(
        U + """
        class Sender
        {
            void Send()
            {
                ServerEvent.ForEmail(EventDefinition.Lead, {|CAPI003:DateTimeOffset.UtcNow.AddDays(-8)|});
                ServerEvent.ForChat(EventDefinition.Lead, {|CAPI003:DateTimeOffset.FromUnixTimeSeconds(1633552688)|});
            }
        }
        """,
        U + """
        class Sender
        {
            void Send()
            {
                ServerEvent.ForEmail(EventDefinition.Lead, DateTimeOffset.UtcNow);
                ServerEvent.ForChat(EventDefinition.Lead, DateTimeOffset.UtcNow);
            }
        }
        """);

    [Fact]
    public Task Fix_for_Unix_seconds_in_hand_built_payloads() => Payloads.Fix(
        U + """
        class Sender
        {
            object Old() => new { action_source = "chat", event_time = {|CAPI003:DateTimeOffset.UtcNow.AddDays(-9).ToUnixTimeSeconds()|}, user_data = new { external_id = "c-1" } };
        }
        """,
        U + """
        class Sender
        {
            object Old() => new { action_source = "chat", event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), user_data = new { external_id = "c-1" } };
        }
        """);

    [Fact]
    public Task Fix_converts_milliseconds_and_local_time() => Payloads.Fix(
        U + """
        class Sender
        {
            object Ms() => new { action_source = "chat", event_time = {|CAPI004:DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()|}, user_data = new { external_id = "c-1" } };
            object JsDate() => new { action_source = "chat", event_time = {|CAPI004:1770000000000|}, user_data = new { external_id = "c-1" } };
            object Local() => new { action_source = "chat", event_time = {|CAPI004:(long)(DateTime.Now - new DateTime(1970, 1, 1)).TotalSeconds|}, user_data = new { external_id = "c-1" } };
        }
        """,
        U + """
        class Sender
        {
            object Ms() => new { action_source = "chat", event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), user_data = new { external_id = "c-1" } };
            object JsDate() => new { action_source = "chat", event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), user_data = new { external_id = "c-1" } };
            object Local() => new { action_source = "chat", event_time = (long)(DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalSeconds, user_data = new { external_id = "c-1" } };
        }
        """);
}
