using CctvMask.Abstractions.Privacy;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Server.Cameras.Contracts;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Cameras;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CctvMask.Server.Cameras;

/// <summary>/api/cameras: CRUD (admin), status and live frame (viewer).</summary>
public static class CamerasApi
{
    public static IEndpointRouteBuilder MapCamerasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cameras").WithTags("Cameras").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListCameras).WithSummary("List cameras (URLs with credentials masked)");
        group.MapGet("/{id}", GetCamera).WithSummary("Get one camera");
        group.MapPost("/", CreateCamera).RequireAuthorization(ApiPolicies.Admin).WithSummary("Register a camera (admin)").Audited("camera.create");
        group.MapPut("/{id}", UpdateCamera).RequireAuthorization(ApiPolicies.Admin).WithSummary("Change a camera's settings (admin)").Audited("camera.update");
        group.MapDelete("/{id}", DeleteCamera).RequireAuthorization(ApiPolicies.Admin).WithSummary("Delete a camera and stop its analysis (admin)").Audited("camera.delete");
        group.MapGet("/{id}/status", GetStatus).WithSummary("Live status of a camera: state, fps, counters, last error");
        group.MapGet("/{id}/frame", GetFrame).WithSummary("Latest analysed frame as an annotated JPEG").Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Audited("camera.frame", polled: true);
        return app;
    }

    public static async Task<Ok<CameraResponse[]>> ListCameras([AsParameters] CameraServices services, CancellationToken ct)
    {
        var cameras = await services.Store.ListAsync(cancellationToken: ct);
        return TypedResults.Ok(cameras.Select(CameraResponse.From).ToArray());
    }

    public static async Task<Results<Ok<CameraResponse>, NotFound>> GetCamera(
        string id, [AsParameters] CameraServices services, CancellationToken ct) =>
        await services.Store.GetAsync(id, ct) is { } camera
            ? TypedResults.Ok(CameraResponse.From(camera))
            : TypedResults.NotFound();

    public static async Task<Results<Created<CameraResponse>, ValidationProblem, Conflict<ProblemDetails>>> CreateCamera(
        CameraRequest request, HttpContext http, [AsParameters] CameraServices services, CancellationToken ct)
    {
        var errors = CameraRequestValidator.Validate(request, services.Options.Value, checkId: true);
        if (!errors.ContainsKey("url") && services.Sources.Check(request.Url!) is { } refused) errors["url"] = [refused];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var id = request.Id ?? CameraSlug.FromName(request.Name!);
        CameraRecord camera;
        try
        {
            camera = await services.Store.CreateAsync(id, ToSpec(request, request.Url!, services.Options.Value), ct);
        }
        catch (DuplicateCameraException ex)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Camera id taken.", Detail = ex.Message });
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["camera"] = [CameraUrl.RedactText(ex.Message)] });
        }
        CameraLog.Created(services.Logger, camera.Id, camera.Name, CameraUrl.Redact(camera.Url));
        AuditedEndpoints.SetTarget(http, camera.Id);
        await TellGrainAsync(services, camera, ct);
        return TypedResults.Created($"/api/cameras/{camera.Id}", CameraResponse.From(camera));
    }

    public static async Task<Results<Ok<CameraResponse>, NotFound, ValidationProblem>> UpdateCamera(
        string id, CameraRequest request, HttpContext http, [AsParameters] CameraServices services, CancellationToken ct)
    {
        var existing = await services.Store.GetAsync(id, ct);
        if (existing is null) return TypedResults.NotFound();

        // A client that round-trips a GET response sends the masked URL back: keep the stored secret.
        var url = request.Url == CameraUrl.Redact(existing.Url) ? existing.Url : request.Url;
        var errors = CameraRequestValidator.Validate(request with { Url = url }, services.Options.Value, checkId: false);
        if (!errors.ContainsKey("url") && services.Sources.Check(url!) is { } refused) errors["url"] = [refused];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        CameraRecord? camera;
        try
        {
            camera = await services.Store.UpdateAsync(id, ToSpec(request, url!, services.Options.Value), ct);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["camera"] = [CameraUrl.RedactText(ex.Message)] });
        }
        if (camera is null) return TypedResults.NotFound();
        CameraLog.Updated(services.Logger, id, camera.Name, CameraUrl.Redact(camera.Url), camera.Enabled);
        // The grain restarts in the new mode first, so nothing it raises afterwards needs purging; what it had
        // raised and not yet written is filtered on its way into the database (Storage's PrivacyFilter).
        await TellGrainAsync(services, camera, ct);
        var response = CameraResponse.From(camera);
        if (camera.Privacy != existing.Privacy)
        {
            var (from, to) = (PrivacyModes.Name(existing.Privacy), PrivacyModes.Name(camera.Privacy));
            var purged = PrivacyModes.IsStricter(camera.Privacy, existing.Privacy)
                ? PrivacyPurgeResponse.Create(from, to, await services.Purger.PurgeAsync(id, ct))
                : PrivacyPurgeResponse.Create(from, to, Storage.Privacy.PrivacyPurgeResult.None);
            CameraLog.PrivacyChanged(services.Logger, id, from, to, purged.ViolationsDeleted, purged.SnapshotsDeleted, purged.FaceCropsDeleted);
            await services.Audit.RecordAsync(http, "camera.privacy", id, AuditOutcomes.Ok, purged.ToString(), ct);
            if (PrivacyModes.IsStricter(camera.Privacy, existing.Privacy)) response = response with { Purged = purged };
        }
        return TypedResults.Ok(response);
    }

    public static async Task<Results<NoContent, NotFound>> DeleteCamera(
        string id, [AsParameters] CameraServices services, CancellationToken ct)
    {
        if (!await services.Store.DeleteAsync(id, ct)) return TypedResults.NotFound();
        CameraLog.Deleted(services.Logger, id);
        try
        {
            await services.Control.StopAsync(id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CameraLog.ControlFailed(services.Logger, id, CameraUrl.RedactText(ex.Message));
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CameraStatusResponse>, NotFound>> GetStatus(
        string id, [AsParameters] CameraServices services, CancellationToken ct)
    {
        if (!CameraRepository.IsValidId(id)) return TypedResults.NotFound();
        try
        {
            if (await services.Store.GetAsync(id, ct) is null) return TypedResults.NotFound();
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !ct.IsCancellationRequested)
        {
            // Database down: the grain still knows the live status (an unknown id answers "stopped").
        }
        var status = await services.Control.GetStatusAsync(id, ct);
        return TypedResults.Ok(CameraStatusResponse.From(id, status));
    }

    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> GetFrame(
        string id, [AsParameters] CameraServices services, CancellationToken ct)
    {
        if (await services.Store.GetAsync(id, ct) is not { } camera)
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such camera." });
        if (!PrivacyModes.AllowsImages(camera.Privacy))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Live view disabled by the camera's privacy mode.",
                detail: $"Camera '{id}' is in '{PrivacyModes.Name(camera.Privacy)}' mode: no image of it is stored or served.");
        return await services.Control.GetLatestFrameAsync(id, ct) is { } jpeg
            ? TypedResults.File(jpeg, "image/jpeg")
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No frame yet.", Detail = "The camera has not produced an analysed frame yet." });
    }

    // Absent fields take their defaults: CameraOptions for the configurable ones, CameraSettingLimits for the analysis settings.
    private static CameraSpec ToSpec(CameraRequest r, string url, CameraOptions o) => new(
        r.Name!.Trim(), url.Trim(), r.Enabled ?? true, r.DetectFps ?? o.DefaultDetectFps,
        r.AnalysisWidth ?? o.DefaultAnalysisWidth, r.AnalysisHeight ?? o.DefaultAnalysisHeight,
        r.Zones?.Select(z => z with { Name = z.Name.Trim() }).ToArray(),
        r.MotionGating ?? CameraSettingLimits.DefaultMotionGating,
        r.SmallFacePass ?? CameraSettingLimits.DefaultSmallFacePass,
        r.SmallFaceLongSide ?? CameraSettingLimits.DefaultSmallFaceLongSide,
        PrivacyModes.TryParse(r.PrivacyMode, out var mode) ? mode : PrivacyModes.Default,
        r.RetentionDays);

    /// <summary>Immediate start/update/stop; a failure is logged and left to the reconciler.</summary>
    private static async Task TellGrainAsync(CameraServices services, CameraRecord camera, CancellationToken ct)
    {
        try
        {
            await services.Control.ApplyAsync(camera, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CameraLog.ControlFailed(services.Logger, camera.Id, CameraUrl.RedactText(ex.Message));
        }
    }
}
