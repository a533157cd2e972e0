using CctvMask.Dashboard.Session;
using CctvMask.Server.Audit;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>. The admin key grants
/// both roles; the viewer key grants viewer. Challenges and denials answer with ProblemDetails.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    [FromKeyedServices(FailureThrottle.ApiKeys)] FailureThrottle throttle,
    IOptions<FailureThrottleOptions> throttleOptions,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());

        // A locked-out address is not told whether its key is right (that would keep brute force going).
        var client = Context.Connection.RemoteIpAddress;
        var counted = !IsDashboardCall(client);
        if (counted && throttle.RetryAfter(client) is { } wait) return Throttled(wait);
        var identity = keys.IdentityOf(presented);
        if (identity is null)
        {
            return counted && throttle.Failure(client) is { } lockout
                ? Throttled(lockout)
                : Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        // The name is the key's configured name (what the audit log records), never the key.
        Claim[] claims = identity.Role == ApiPolicies.AdminRole
            ? [new(ClaimTypes.Name, identity.Name), new(ClaimTypes.Role, ApiPolicies.AdminRole), new(ClaimTypes.Role, ApiPolicies.ViewerRole)]
            : [new(ClaimTypes.Name, identity.Name), new(ClaimTypes.Role, ApiPolicies.ViewerRole)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.Items[ThrottledItem] is TimeSpan wait
            ? WriteThrottledAsync(wait)
            : WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required.",
            $"Send an API key in the {HeaderName} header (or Authorization: Bearer).");

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // An audited endpoint refused for the key's role is itself worth a line (a viewer key trying a change).
        if (Context.GetEndpoint()?.Metadata.GetMetadata<AuditAction>() is { } action)
        {
            var target = Context.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString() : null;
            await Context.RequestServices.GetRequiredService<IAuditLog>()
                .RecordAsync(Context, action.Name, target, AuditOutcomes.Forbidden, ct: Context.RequestAborted);
        }
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden.",
            "This API key's role may not perform this operation.");
    }

    private const string ThrottledItem = "cctvmask.auth.throttled";

    private bool IsDashboardCall(System.Net.IPAddress? client) =>
        throttleOptions.Value.ExemptDashboardCalls && client is not null && System.Net.IPAddress.IsLoopback(client)
        && Request.Headers.ContainsKey(FailureThrottle.DashboardHeader);

    private Task<AuthenticateResult> Throttled(TimeSpan wait)
    {
        Context.Items[ThrottledItem] = wait;
        return Task.FromResult(AuthenticateResult.Fail("Too many wrong API keys from this address."));
    }

    private Task WriteThrottledAsync(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many wrong API keys.",
            $"This address sent too many wrong API keys; try again in {seconds} s.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
            Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\", Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } key)
            return key.Trim();
        var auth = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return auth.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && auth.Length > bearer.Length
            ? auth[bearer.Length..].Trim()
            : null;
    }
}
