using CctvMask.Server.Cameras;
using CctvMask.Storage.Hosting;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The database: SQLite under the data folder by default; Storage:Provider=Postgres with
/// Storage:ConnectionString switches to PostgreSQL.
/// </summary>
public static class StorageExtensions
{
    public static WebApplicationBuilder AddCctvStorage(this WebApplicationBuilder builder)
    {
        var dataDir = DataDirectory.Resolve(builder.Configuration);
        builder.Services.AddCctvStorage(builder.Configuration);
        builder.Services.PostConfigure<StorageOptions>(o => o.DataDirectory = dataDir);
        return builder;
    }
}
