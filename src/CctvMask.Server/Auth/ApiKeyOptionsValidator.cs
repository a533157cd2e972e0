using Microsoft.Extensions.Options;

namespace CctvMask.Server.Auth;

/// <summary>
/// Rules across fields: configured keys are long enough and differ from each other; named keys have a unique
/// name of 1–64 letters, digits, '.', '-' or '_', a role, and a SHA-256 (64 hex digits) no other key has.
/// </summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    private const int HashHexLength = 64;
    private const int MaxNameLength = 64;

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.AdminKey is { Length: > 0 } a && a.Length < options.MinKeyLength)
            failures.Add($"The admin API key must be at least {options.MinKeyLength} characters.");
        if (options.ViewerKey is { Length: > 0 } v && v.Length < options.MinKeyLength)
            failures.Add($"The viewer API key must be at least {options.MinKeyLength} characters.");
        if (options.AdminKey is { Length: > 0 } && options.AdminKey == options.ViewerKey)
            failures.Add("The admin and viewer API keys must differ.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { options.AdminKeyName, options.ViewerKeyName };
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (options.AdminKey is { Length: > 0 } admin) hashes.Add(ApiKeyHash.Hex(admin));
        if (options.ViewerKey is { Length: > 0 } viewer) hashes.Add(ApiKeyHash.Hex(viewer));
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var where = $"Auth:Keys:{i}";
            if (!IsValidName(key.Name))
                failures.Add($"{where}:Name must be 1-{MaxNameLength} letters, digits, '.', '-' or '_'.");
            else if (!names.Add(key.Name!))
                failures.Add($"{where}:Name '{key.Name}' is used by another key.");
            if (key.Role is not (ApiPolicies.AdminRole or ApiPolicies.ViewerRole))
                failures.Add($"{where}:Role must be '{ApiPolicies.AdminRole}' or '{ApiPolicies.ViewerRole}'.");
            if (key.Sha256 is not { Length: HashHexLength } hash || !hash.All(char.IsAsciiHexDigit))
                failures.Add($"{where}:Sha256 must be the key's SHA-256 as {HashHexLength} hex digits.");
            else if (!hashes.Add(hash))
                failures.Add($"{where}:Sha256 is the hash of another configured key.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
