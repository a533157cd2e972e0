using CctvMask.Storage.Hosting;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The data folder, shared with storage (SQLite file, journal, spill files) and auth (generated key), and its one
/// rule: Storage:DataDirectory, then CCTVMASK_DATA, then the default: <c>data</c> at the root of the source
/// checkout the server runs from (the folder holding <see cref="CheckoutMarker"/>, looked for from the working
/// directory upwards: so <c>run.sh</c>, <c>dotnet run</c> in the project folder and <c>dotnet run --project</c>
/// from the repository root share <c>./data</c> at the repository root), else <c>data</c> under the working
/// directory (an installed server, e.g. the container's /app).
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "CCTVMASK_DATA";

    /// <summary>The file that marks the repository root.</summary>
    public const string CheckoutMarker = "CctvMask.sln";

    public const string DefaultFolderName = "data";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"];
        if (string.IsNullOrWhiteSpace(configured))
            configured = configuration[EnvironmentVariable] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = string.IsNullOrWhiteSpace(configured)
            ? Default(Directory.GetCurrentDirectory())
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The default data folder for a server started in <paramref name="workingDirectory"/>.</summary>
    public static string Default(string workingDirectory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(workingDirectory)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, CheckoutMarker)))
                return Path.Combine(folder.FullName, DefaultFolderName);
        }
        return Path.Combine(Path.GetFullPath(workingDirectory), DefaultFolderName);
    }
}
