using Scalar.AspNetCore;

namespace CctvMask.Server.ApiDocs;

/// <summary>
/// OpenAPI document at /openapi/v1.json (with the API-key security schemes and the auth answers of every
/// operation) and the interactive Scalar page at /scalar, both without a key. Scalar runs from the assets this
/// server serves: no web fonts, telemetry or agent calls to the internet, so the page works offline.
/// </summary>
public static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddCctvApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o
            .AddOperationTransformer<ApiKeySecurityTransformer>()
            .AddDocumentTransformer<ApiKeySecurityTransformer>());
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o
                .WithTitle("CctvMask API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(ApiKeySecurityTransformer.ApiKeyScheme))
            .AllowAnonymous();
        return app;
    }
}
