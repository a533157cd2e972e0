using CctvMask.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CctvMask.Server.ApiDocs;

/// <summary>
/// Declares the two ways to send a key (X-Api-Key header, Authorization: Bearer) as security schemes, and on
/// every operation that needs a key applies them and documents 401 (no or wrong key), 403 (a viewer key on an
/// admin operation) and 429 (too many wrong keys from one address).
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0) return Task.CompletedTask;

        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });

        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", Problem("No API key, or a wrong one."));
        if (policies.Contains(ApiPolicies.Admin))
            operation.Responses.TryAdd("403", Problem("The key is a viewer key; this operation needs the admin key."));
        operation.Responses.TryAdd("429", Problem("Too many wrong keys from this address (or, on /api/detect, too many requests queued); see Retry-After."));
        return Task.CompletedTask;
    }

    /// <summary>Declares the schemes the operations refer to (once the document's components are final).</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        DeclareSchemes(document);
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new() { Description = description + " Body: ProblemDetails." };

    private static void DeclareSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            Name = "X-Api-Key",
            In = ParameterLocation.Header,
            Description = "The admin key (all operations) or the viewer key (reads). The generated admin key is in <data>/admin.key.",
        });
        document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as Authorization: Bearer KEY.",
        });
    }
}
