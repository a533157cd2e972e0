using Scalar.AspNetCore;

namespace CctvMask.Server.Hosting;

/// <summary>OpenAPI document at /openapi/v1.json and the interactive Scalar page at /scalar, both without a key.</summary>
public static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddCctvApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("CctvMask API")).AllowAnonymous();
        return app;
    }
}
