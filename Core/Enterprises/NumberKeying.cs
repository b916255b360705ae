using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Integration.Core.Enterprises;

/// <summary>
/// How a number is keyed in the <c>number-holders</c> partition, where duplicates are found: an
/// organisation number as <c>O</c> and its ten digits; a sole trader's personal identity number as
/// <c>P</c> and an HMAC-SHA256 (cut to 128 bits) of its twelve digits under
/// <c>Enterprises__PersonalNumberKey</c>. A plain hash of so few digits (about 10⁸ numbers) is undone
/// by trying them all; without the key, which stays in Key Vault, it is not. A number that is refused
/// (a personal identity number while <c>Enterprises__AllowPersonalIdentityNumbers</c> is false) gets
/// no key at all: it cannot be taken in, so it has no duplicate to find.
/// <para>
/// <see cref="Id"/> names the keying without revealing the key (a fingerprint of it, or that personal
/// numbers are refused). The partition records the id it was built with; a feed that finds another
/// (rows from before the HMAC, a new key, a changed setting) reads the whole list to key it again.
/// </para>
/// </summary>
public sealed class NumberKeying
{
    /// <summary>The key when none is set, accepted only with development storage (Azurite): it is public.</summary>
    public const string LocalKey = "local-development-only: not a secret";

    /// <summary>At least this many characters (azd's generated secret has 15 of 62 kinds).</summary>
    public const int MinKeyLength = 15;

    /// <summary>What an app setting holds when App Service could not resolve its Key Vault reference.</summary>
    private const string UnresolvedReference = "@Microsoft.KeyVault(";

    private readonly byte[]? _key;

    public NumberKeying(EnterprisesOptions options)
    {
        if (!options.AllowPersonalIdentityNumbers)
        {
            Id = "refused";
            return;
        }

        _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(options.PersonalNumberKey) ? LocalKey : options.PersonalNumberKey);
        Id = "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, "number-holders key id"u8).AsSpan(0, 4));
    }

    /// <summary><c>refused</c>, or <c>hmac-sha256:</c> and 8 hex digits of an HMAC of a constant: which key, never the key.</summary>
    public string Id { get; }

    /// <summary>The key the number is found by, or null when it is refused.</summary>
    public string? KeyOf(EnterpriseNumber number) => number switch
    {
        { Organisation: { } o } => "O" + o.Digits,
        { Personal: { } p } when _key is not null => "P" + Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(p.RevealDigits())).AsSpan(0, 16)),
        _ => null,
    };

    /// <summary>What is wrong with the key's settings, each naming the key; empty when nothing is.</summary>
    /// <param name="configuration">Where <c>AzureWebJobsStorage</c> says whether this is development storage.</param>
    public static IEnumerable<string> Failures(EnterprisesOptions options, IConfiguration configuration)
    {
        var key = options.PersonalNumberKey;
        if (!options.AllowPersonalIdentityNumbers) yield break;
        if (key is not null && key.StartsWith(UnresolvedReference, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Enterprises__PersonalNumberKey is a Key Vault reference App Service could not resolve; give the app identity access to the secret (docs/deploy-to-azure.md).";
        }
        else if (string.IsNullOrEmpty(key) || key == LocalKey)
        {
            if (!IsDevelopmentStorage(configuration))
            {
                yield return "Enterprises__PersonalNumberKey is required when Enterprises__AllowPersonalIdentityNumbers is true: the secret key (a Key Vault reference in Azure) that keys sole traders' numbers for finding duplicates. The built-in local key is used only with development storage (UseDevelopmentStorage=true or a loopback endpoint).";
            }
        }
        else if (key.Length < MinKeyLength)
        {
            yield return $"Enterprises__PersonalNumberKey must be at least {MinKeyLength} characters; it has {key.Length}.";
        }
    }

    /// <summary>Azurite: <c>UseDevelopmentStorage=true</c>, or a connection string whose endpoints are all on this machine.</summary>
    private static bool IsDevelopmentStorage(IConfiguration configuration)
    {
        var value = configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(value)) return false;
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development)) return bool.TryParse(development, out var yes) && yes;
        var endpoints = parts.Where(p => p.Key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).ToList();
        return endpoints.Count > 0 && endpoints.All(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && uri.IsLoopback);
    }
}
