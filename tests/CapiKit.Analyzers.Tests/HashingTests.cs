using CapiKit.CodeFixes;
using CapiKit.Generators.Analysis;
using Payloads = CapiKit.Analyzers.Tests.Infrastructure.Verify<CapiKit.Generators.Analysis.PayloadAnalyzer, CapiKit.CodeFixes.UnhashedPiiCodeFixProvider>;

namespace CapiKit.Analyzers.Tests;

/// <summary>
/// Hashing is recognised by what the code does (a helper or conversion whose body computes a SHA-256 digest, whatever
/// its name), and CAPI016 reports a hash of an e-mail or phone number that skipped Meta's normalization.
/// </summary>
public sealed class HashingTests
{
    private const string U = Infrastructure.Verify<PayloadAnalyzer, UnhashedPiiCodeFixProvider>.Usings + "using System.Linq;\nusing System.Security.Cryptography;\nusing System.Text;\n";

    [Fact]
    public Task A_helper_of_any_name_that_hashes_counts_and_one_named_Hash_that_does_not_hash_does_not() => Payloads.Diagnostics(U + """
        static class Crypto
        {
            // Algorithm chosen by name, upper-case hex: still a SHA-256 digest.
            public static string Make(byte[] data, string name) => BitConverter.ToString(((HashAlgorithm)CryptoConfig.CreateFromName(name)!).ComputeHash(data)).Replace("-", "");
            public static string Fingerprint(string value) => Make(Encoding.UTF8.GetBytes(value), "SHA256");
            public static string HashEmail(string value) => value.Trim().ToLowerInvariant();
        }

        class Sender
        {
            object Build(string email, string city, string zip) => new
            {
                action_source = "chat",
                user_data = new
                {
                    em = Crypto.Fingerprint(email.Trim().ToLowerInvariant()),
                    ct = Crypto.Make(Encoding.UTF8.GetBytes(city.Trim().ToLowerInvariant()), "SHA256"),
                    zp = {|CAPI001:Crypto.HashEmail(zip)|},
                },
            };
        }
        """);

    [Fact]
    public Task A_conversion_operator_that_hashes_counts_and_CAPI016_sees_through_it() => Payloads.Diagnostics(U + """
        readonly struct Digest
        {
            private Digest(string hex) => Hex = hex;
            public string Hex { get; }
            public static implicit operator Digest(string raw) => new(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw))).ToLowerInvariant());
        }

        sealed class UserDto
        {
            [JsonPropertyName("em")] public Digest Email { get; set; }
            [JsonPropertyName("ct")] public Digest City { get; set; }
            [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
        }

        class Sender
        {
            UserDto Build(string email, string city) => new UserDto { Email = {|CAPI016:email|}, City = city.Trim().ToLowerInvariant() };
        }
        """);

    [Fact]
    public Task Hashing_without_normalization_is_reported_for_em_and_ph() => Payloads.Diagnostics(U + """
        static class Digests
        {
            public static string Sha(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
            public static string Email(string value) => Sha(value.Trim().ToLowerInvariant());
            public static string Phone(string value) => Sha(new string(value.Where(char.IsDigit).ToArray()));
        }

        class Sender
        {
            object Build(string email, string phone, string name) => new
            {
                action_source = "chat",
                user_data = new
                {
                    em = new[] { {|CAPI016:Digests.Sha(email.ToLowerInvariant())|}, Digests.Email(email), Digests.Sha(email.Trim().ToLowerInvariant()) },
                    ph = new[] { {|CAPI016:Digests.Sha(phone.Trim().ToLowerInvariant())|}, Digests.Phone(phone), {|CAPI016:Digests.Email(phone)|} },
                    fn = Digests.Sha(name),
                },
            };
        }
        """);

    [Fact]
    public Task A_value_normalized_out_of_sight_or_by_CapiKit_is_not_reported() => Payloads.Diagnostics(U + """
        static class Digests
        {
            public static string Sha(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
        }

        class Sender
        {
            object Build(string email, string phone, Func<string, string> normalize) => new
            {
                action_source = "chat",
                user_data = new
                {
                    em = Digests.Sha(normalize(email)),
                    ph = PiiNormalizer.NormalizeAndHash("ph", phone),
                },
            };
        }
        """);
}
