using Microsoft.Extensions.Options;

namespace CctvMask.Server.Auth;

/// <summary>Rules across fields: configured keys are long enough and differ from each other.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.AdminKey is { Length: > 0 } a && a.Length < options.MinKeyLength)
            failures.Add($"The admin API key must be at least {options.MinKeyLength} characters.");
        if (options.ViewerKey is { Length: > 0 } v && v.Length < options.MinKeyLength)
            failures.Add($"The viewer API key must be at least {options.MinKeyLength} characters.");
        if (options.AdminKey is { Length: > 0 } && options.AdminKey == options.ViewerKey)
            failures.Add("The admin and viewer API keys must differ.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
