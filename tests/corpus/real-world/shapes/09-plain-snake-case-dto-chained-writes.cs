// Shape: DTO classes whose C# names ARE the JSON names (snake_case, no attributes, Newtonsoft defaults), filled
//        statement by statement through chained members (data.user_data.em = ...), list.Add, and an event_id made
//        from an enum member's name (one constant per event type).
// Seen in: erikrodriguez21/PixelFacebookTest PixelFacebook/HttpClientService/ApiFacebookService/ApiFacebookService.cs
//          (b00d8860fff00b46b9857b1e2a48df3a5e738b9f and a later version, index id 25518863105),
//          PixelFacebook/HttpClientService/DtoObjets/ApiFacebookDto.cs (9b2dc3071653d5dd09d0d8d036aca1f311f1e5de).
// Expect: CAPI001 on `email` (raw e-mail written into user_data.em);
//         CAPI009 on the event_id value (enum name with '_' removed: constant per event type).
//         No CAPI004: DateTimeOffset.Now.ToUnixTimeSeconds() is a correct Unix time.
//         No CAPI006: "mxn" is an ISO-4217 code in lower case, which Meta accepts.
// Needs: Newtonsoft.Json
#nullable disable
using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape09;

public class Envelope
{
    public List<Item> data { get; set; }
}

public class Item
{
    public string event_name { get; set; }
    public string event_id { get; set; }
    public long event_time { get; set; }
    public Person user_data { get; set; }
    public Money custom_data { get; set; }
    public string event_source_url { get; set; }
    public string action_source { get; set; }
}

public class Person
{
    public string[] em { get; set; }
    public string client_ip_address { get; set; }
    public string client_user_agent { get; set; }
}

public class Money
{
    public string value { get; set; }
    public string currency { get; set; }
}

public enum Step
{
    Step_One = 1,
    Step_Five = 5,
    Application_Sent = 9,
}

public class LoanFunnel
{
    public string BuildJson(string amount, Step step, string userAgent, string email, string pageUrl, string ip)
    {
        var envelope = new Envelope();
        var data = new Item();
        var money = new Money();
        var list = new List<Item>();

        money.value = amount;
        money.currency = "mxn";

        data.action_source = "website";
        data.user_data = new Person();
        data.user_data.client_ip_address = ip;
        data.user_data.client_user_agent = userAgent;
        data.user_data.em = new string[] { {|CAPI001:email|} };

        data.event_id = {|CAPI009:step.ToString().Replace("_", "")|};
        data.event_source_url = pageUrl;
        data.event_name = step.ToString();
        data.event_time = DateTimeOffset.Now.ToUnixTimeSeconds();
        data.custom_data = money;
        list.Add(data);
        envelope.data = list;

        return JsonConvert.SerializeObject(envelope.data);
    }
}
