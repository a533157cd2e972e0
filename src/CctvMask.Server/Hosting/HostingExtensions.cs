using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Hosting;

/// <summary>Request limits and the error pipeline: every error leaves as ProblemDetails, never a stack trace.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddCctvHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerOptions>()
            .BindConfiguration(ServerOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => p.Contains('/', StringComparison.Ordinal)
                    ? System.Net.IPNetwork.TryParse(p, out _) : System.Net.IPAddress.TryParse(p, out _)),
                "Server:TrustedProxies entries must be IP addresses or CIDR networks (e.g. 10.0.0.0/8).")
            .ValidateOnStart();

        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServerOptions>>((kestrel, server) =>
            {
                kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
                // Headroom so RequestLimitsMiddleware answers 414/431 with ProblemDetails first.
                kestrel.Limits.MaxRequestLineSize = server.Value.MaxRequestTargetBytes * ServerOptions.KestrelHeadroom;
                kestrel.Limits.MaxRequestHeadersTotalSize = server.Value.MaxRequestHeadersBytes * ServerOptions.KestrelHeadroom;
                // Past those, or a request Kestrel cannot parse: Kestrel answers itself; this gives that answer a body.
                if (server.Value.KestrelErrorBodies)
                    kestrel.ConfigureEndpointDefaults(listen => listen.Use(KestrelProblemBodies.Wrap));
            });
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ServerOptions>>((forwarded, server) => ForwardedHeaders.Configure(forwarded, server.Value));
        builder.Services.AddOptions<FormOptions>()
            .Configure<IOptions<ServerOptions>>((form, server) =>
                form.MultipartBodyLengthLimit = server.Value.MaxRequestBodyBytes);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }

    public static WebApplication UseCctvErrorHandling(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.UseForwardedHeaders)
            app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own request errors (body too large, bad request line) keep their status code.
            StatusCodeSelector = ex => ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }
}
