using CctvMask.Dashboard.Api;
using CctvMask.Dashboard.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CctvMask.Dashboard.Media;

/// <summary>
/// Images for &lt;img src&gt;: the browser cannot add the X-Api-Key header, so these endpoints read
/// the login cookie and fetch the image from the API with the user's key. The browser caches
/// snapshots (immutable) and never caches live frames.
/// </summary>
public static class MediaEndpoints
{
    public const string Prefix = "/dashboard/media";

    public static string FrameUrl(string cameraId, long version) => $"{Prefix}/cameras/{Uri.EscapeDataString(cameraId)}/frame?v={version}";

    public static string SnapshotUrl(Guid violationId) => $"{Prefix}/violations/{violationId}/snapshot";

    public static string FaceUrl(Guid violationId) => $"{Prefix}/violations/{violationId}/face";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).ExcludeFromDescription();
        group.MapGet("/cameras/{id}/frame", Frame);
        group.MapGet("/violations/{id:guid}/snapshot", Snapshot);
        group.MapGet("/violations/{id:guid}/face", Face);
        return app;
    }

    public static async Task<IResult> Frame(
        string id, HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        context.Response.Headers.CacheControl = "no-store";
        // No frame yet is normal for a camera that is starting: show a placeholder, not a broken image.
        return await ProxyAsync(() => api.GetFrameAsync(id, ct), Placeholder.NoFrameYet);
    }

    public static async Task<IResult> Snapshot(
        Guid id, HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return await ProxyAsync(() => api.GetSnapshotAsync(id, ct), Placeholder.NoSnapshot);
    }

    public static async Task<IResult> Face(
        Guid id, HttpContext context, SessionCookie cookie, DashboardSession session, CctvApiClient api, CancellationToken ct)
    {
        if (!cookie.TryRestore(context, session)) return TypedResults.Unauthorized();
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return await ProxyAsync(() => api.GetFaceAsync(id, ct), Placeholder.NoFaceCrop);
    }

    private static async Task<IResult> ProxyAsync(Func<Task<ImageResult?>> fetch, string placeholderSvg)
    {
        try
        {
            var image = await fetch();
            return image is null
                ? TypedResults.Text(placeholderSvg, "image/svg+xml")
                : TypedResults.File(image.Bytes, image.ContentType);
        }
        catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            // A viewer may see images; 403 here is the camera's privacy mode (statistics: no images at all).
            return TypedResults.Text(Placeholder.PrivacyNoImages, "image/svg+xml");
        }
        catch (ApiException ex)
        {
            return TypedResults.StatusCode((int)ex.StatusCode);
        }
    }
}
