using System.Net;
using System.Text;
using System.Text.Json;

namespace CapiKit.Testing.Tests;

/// <summary>The emulator on its own: Meta's shapes for acceptance and for each rejection.</summary>
public sealed class EmulatorTests
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task An_accepted_request_gets_Metas_success_shape()
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync($$"""
            { "access_token": "t", "data": [ { "event_name": "Lead", "event_time": {{Now}}, "action_source": "email",
              "user_data": { "em": ["62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f"] } } ] }
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("events_received").GetInt32());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("messages").ValueKind);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("fbtrace_id").GetString()));
    }

    [Theory]
    [InlineData("\"em\": [\"john@example.com\"]", "email", 0L, 2804016, "User Parameter Not Hashed")]
    [InlineData("\"em\": [\"62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f\"]", "email", -8 * 86400L, 2804003, "Event Timestamp Too Old")]
    [InlineData("\"fbc\": \"fbclid=abc\", \"em\": [\"62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f\"]", "email", 0L, 2804001, "Click ID Incorrectly Formatted")]
    public async Task What_Meta_rejects_gets_code_100_and_its_subcode(string userData, string actionSource, long age, int subcode, string title)
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync($$"""
            { "access_token": "t", "data": [ { "event_name": "Lead", "event_time": {{Now + age}}, "action_source": "{{actionSource}}", "user_data": { {{userData}} } } ] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonElement error = body.GetProperty("error");
        Assert.Equal(100, error.GetProperty("code").GetInt32());
        Assert.Equal(subcode, error.GetProperty("error_subcode").GetInt32());
        Assert.Equal(title, error.GetProperty("error_user_title").GetString());
        Assert.False(error.GetProperty("is_transient").GetBoolean());
        Assert.DoesNotContain("john@example.com", error.GetProperty("error_user_msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_is_an_OAuth_error()
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync("""{ "data": [ { "event_name": "Lead" } ] }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(190, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_request_without_events_is_rejected() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("""{ "access_token": "t", "data": [] }""")).Status);

    [Theory]
    [InlineData("""{ "access_token": "\ud800", "data": [ { "event_name": "Lead" } ] }""")]
    [InlineData("""{ "access_token": "t", "data": [ { "event_name": "Lead", "event_id": "\udc00", "event_time": 1, "action_source": "email", "user_data": { "em": ["x"] } } ] }""")]
    public async Task A_lone_surrogate_escape_is_a_parameter_error_not_a_server_error(string json)
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(100, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        using HttpClient http = new() { BaseAddress = emulator.BaseAddress };
        using HttpResponseMessage response = await http.PostAsync("v26.0/42/events", new StringContent(json, Encoding.UTF8, "application/json"));
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
