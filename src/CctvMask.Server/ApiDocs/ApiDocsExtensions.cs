using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Scalar.AspNetCore;

namespace CctvMask.Server.ApiDocs;

/// <summary>
/// OpenAPI document at /openapi/v1.json (with the API-key security schemes and the auth answers of every
/// operation) and the interactive Scalar page at /scalar, both without a key. Scalar runs from the assets this
/// server serves: no web fonts, telemetry or agent calls to the internet, so the page works offline.
/// The page's cost is the browser's (a ~1.4 MB gzip bundle to evaluate), so the server keeps its own part small:
/// the document is generated once and served from the output cache (gzip / brotli), and the bundle is linked
/// with Scalar's version in its URL and cached by the browser as immutable (a warm load asks nothing for it).
/// </summary>
public static class ApiDocsExtensions
{
    public const string DocumentPath = "/openapi";
    public const string ReferencePath = "/scalar";
    public const string BundleFile = "scalar.js";

    /// <summary>The document is built from the endpoints, which are fixed once the app runs: one build serves all.</summary>
    public static readonly TimeSpan DocumentCacheDuration = TimeSpan.FromDays(1);

    /// <summary>A versioned bundle URL never changes content: a year, the usual "immutable" lifetime.</summary>
    public static readonly TimeSpan BundleCacheDuration = TimeSpan.FromDays(365);

    private const string DocumentCachePolicy = "openapi-document";

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
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DocumentPath), docs => docs.UseResponseCompression());
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

    private static bool IsVersionedBundle(HttpContext context) =>
        context.Request.Path.Equals($"{ReferencePath}/{BundleFile}", StringComparison.Ordinal)
        && context.Request.Query["v"] == BundleVersion;
}
