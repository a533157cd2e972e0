using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CctvMask.Server.ApiDocs;

/// <summary>
/// The API docs, all without a key: the OpenAPI document at /openapi/v1.json (with the API-key security schemes and
/// the auth answers of every operation); the reference page at /api-docs, server-rendered from that document (the
/// docs the dashboard and README point to: plain HTML, readable as soon as it arrives); and Scalar at /scalar as the
/// interactive "try it" console. Scalar's own page could not show its first operation under 1 s on a 2-core box
/// (its ~1.4 MB gzip bundle costs the browser about a second of CPU even warm, see README), hence the rendered page.
/// Scalar runs from the assets this server serves: no web fonts, telemetry or agent calls to the internet.
/// The document and the page are built once and served from the output cache (gzip / brotli); Scalar's bundle is
/// linked with its version in the URL and cached by the browser as immutable (a warm load asks nothing for it).
/// </summary>
public static class ApiDocsExtensions
{
    public const string DocumentPath = "/openapi";
    public const string ReferencePath = "/scalar";
    public const string ReferencePagePath = "/api-docs";
    public const string DocumentName = "v1";
    public const string BundleFile = "scalar.js";

    /// <summary>The document is built from the endpoints, which are fixed once the app runs: one build serves all.</summary>
    public static readonly TimeSpan DocumentCacheDuration = TimeSpan.FromDays(1);

    /// <summary>A versioned bundle URL never changes content: a year, the usual "immutable" lifetime.</summary>
    public static readonly TimeSpan BundleCacheDuration = TimeSpan.FromDays(365);

    private const string DocumentCachePolicy = "openapi-document";

    private static string DocumentUrl => $"{DocumentPath}/{DocumentName}.json";

    /// <summary>Scalar's package version, in the bundle URL so an upgrade changes the URL the browser caches.</summary>
    public static string BundleVersion { get; } =
        typeof(ScalarOptions).Assembly.GetName().Version?.ToString() ?? "0";

    public static WebApplicationBuilder AddCctvApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o
            .AddOperationTransformer<ApiKeySecurityTransformer>()
            .AddDocumentTransformer<ApiKeySecurityTransformer>());
        builder.Services.AddOutputCache(o => o.AddPolicy(DocumentCachePolicy, p => p.Expire(DocumentCacheDuration)));
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// The docs' middleware, only on their paths: the document compressed (the rest of the API is not, so no
    /// response that carries a secret is ever compressed) and served from the output cache; the versioned bundle
    /// cached as immutable.
    /// </summary>
    public static WebApplication UseCctvApiDocs(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DocumentPath) || c.Request.Path.StartsWithSegments(ReferencePagePath),
            docs => docs.UseResponseCompression());
        app.UseOutputCache();
        app.UseWhen(IsVersionedBundle, bundle => bundle.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                    context.Response.Headers.CacheControl = $"public, max-age={(long)BundleCacheDuration.TotalSeconds}, immutable";
                return Task.CompletedTask;
            });
            return next(context);
        }));
        return app;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous().CacheOutput(DocumentCachePolicy);
        app.MapGet(ReferencePagePath, RenderReferencePageAsync).AllowAnonymous().CacheOutput(DocumentCachePolicy).ExcludeFromDescription();
        app.MapScalarApiReference(o => o
                .WithTitle("CctvMask API")
                .WithBundleUrl($"{BundleFile}?v={BundleVersion}")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(ApiKeySecurityTransformer.ApiKeyScheme))
            .AllowAnonymous();
        return app;
    }

    /// <summary>Runs once per cache lifetime: the same document (transformers included) as /openapi/v1.json, drawn as HTML.</summary>
    private static async Task<IResult> RenderReferencePageAsync(
        [FromKeyedServices(DocumentName)] IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!;
        return Results.Content(ApiReferencePage.Render(json, ReferencePath, DocumentUrl), "text/html; charset=utf-8");
    }

    private static bool IsVersionedBundle(HttpContext context) =>
        context.Request.Path.Equals($"{ReferencePath}/{BundleFile}", StringComparison.Ordinal)
        && context.Request.Query["v"] == BundleVersion;
}
