// Shape: plain snake_case DTO whose user_data fields get their values from FIELD INITIALIZERS (public fields, not
//        properties), including SHA-256 hex literals for em/ph and a client_user_agent default; the event never
//        assigns them again. NEGATIVE for presence and PII.
// Seen in: erikrodriguez21/PixelFacebookTest PixelFacebook/HttpClientService/DtoObjets/ApiFacebookDto.cs
//          (9b2dc3071653d5dd09d0d8d036aca1f311f1e5de) - User_Data fields initialized with Meta's sample hashes.
//          (The real code used Meta's sample hashes; the literals here are fresh SHA-256 digests.)
// Expect: nothing. em/ph literals are 64-char lower-case hex (already hashed, not PII); client_user_agent and
//         client_ip_address are present through initializers, so the website event is complete (no CAPI005);
//         event_id is a fresh Guid (no CAPI009).
// Needs: Newtonsoft.Json
#nullable disable
using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape10;

public class Payload
{
    public List<Row> data { get; set; }
}

public class Row
{
    public string event_name { get; set; }
    public string event_id { get; set; }
    public long event_time { get; set; }
    public Who user_data { get; set; }
    public string event_source_url { get; set; }
    public string action_source { get; set; }
}

public class Who
{
    public string[] em = { "a0f14dc704148d2c020d1c7b0608dee9269f81a757638e35c79dd6364b0bf3c0" };
    public string[] ph = { "25534ffa4a703793a7e360a41490b33a320598feafaf9ceecd3d841d6c6981db" };
    public string client_ip_address = "203.0.113.10";
    public string client_user_agent = "Mozilla/5.0 (X11; Linux x86_64)";
}

public static class Kiosk
{
    public static string Build(string url)
    {
        var row = new Row
        {
            action_source = "website",
            event_source_url = url,
            event_name = "Lead",
            event_id = Guid.NewGuid().ToString(),
            event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            user_data = new Who(),
        };
        return JsonConvert.SerializeObject(new Payload { data = new List<Row> { row } });
    }
}
