using CctvMask.Storage.Hosting;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The data folder, shared with storage (SQLite file, spill files) and auth (generated key):
/// Storage:DataDirectory, then CCTVMASK_DATA, then ./data.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "CCTVMASK_DATA";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"];
        if (string.IsNullOrWhiteSpace(configured))
            configured = configuration[EnvironmentVariable] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(path);
        return path;
    }
}
