using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Hosting;

/// <summary>Rules spanning several <see cref="StorageOptions"/> fields.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
            return ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not one of Sqlite, Postgres.");
        if (options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        if (options.JournalSegmentMegabytes > options.MaxJournalMegabytes)
            return ValidateOptionsResult.Fail("Storage:JournalSegmentMegabytes must not exceed Storage:MaxJournalMegabytes.");
        return ValidateOptionsResult.Success;
    }
}
