using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CctvMask.Dashboard.Session;

/// <summary>GET /dashboard/logout: forgets the key and returns to the login page.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/logout", Logout).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A plain link logs out (no form in the interactive layout). Cross-site requests are refused
    /// through Fetch Metadata, so another site cannot log a user out.
    /// </summary>
    public static IResult Logout(HttpContext context, SessionCookie cookie)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site") return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        cookie.Revoke(context);
        cookie.Clear(context);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect("/login?loggedOut=1");
    }
}
