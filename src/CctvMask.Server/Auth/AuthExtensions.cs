using CctvMask.Dashboard.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Auth;

/// <summary>API-key authentication and the admin / viewer policies.</summary>
public static class AuthExtensions
{
    public const string AdminKeyVariable = "CCTVMASK_ADMIN_KEY";
    public const string ViewerKeyVariable = "CCTVMASK_VIEWER_KEY";

    public static WebApplicationBuilder AddCctvApiAuth(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.SectionName)
            .PostConfigure(o =>
            {
                // The documented environment variables fill in what the Auth section leaves empty.
                if (string.IsNullOrEmpty(o.AdminKey)) o.AdminKey = config[AdminKeyVariable];
                if (string.IsNullOrEmpty(o.ViewerKey)) o.ViewerKey = config[ViewerKeyVariable];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddOptions<FailureThrottleOptions>().BindConfiguration(FailureThrottleOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddKeyedSingleton(FailureThrottle.ApiKeys, (sp, _) => new FailureThrottle(
            sp.GetRequiredService<IOptions<FailureThrottleOptions>>(), TimeProvider.System));
        builder.Services.AddHostedService<AdminKeyAnnouncer>();

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(ApiPolicies.AdminRole))
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireAuthenticatedUser().RequireRole(ApiPolicies.ViewerRole, ApiPolicies.AdminRole));
        return builder;
    }

    public static WebApplication UseCctvApiAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authorization: an anonymous caller gets 401, not a queue slot
        return app;
    }
}
