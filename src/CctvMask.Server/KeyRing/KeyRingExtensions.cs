using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.KeyRing;

/// <summary>
/// ASP.NET Core Data Protection with its key ring in the shared database (table <c>data_protection_keys</c>) and a
/// fixed application name, so every server of a fleet reads the same keys: the dashboard's session cookies and
/// the stored webhook secrets decrypt on any of them. Keys rotate every 90 days (Data Protection's default);
/// retired keys stay in the ring and still decrypt.
/// </summary>
public static class KeyRingExtensions
{
    /// <summary>The application discriminator (the default is the content root path, which differs between servers).</summary>
    public const string ApplicationName = "CctvMask";

    public static WebApplicationBuilder AddCctvKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return builder;
    }
}
