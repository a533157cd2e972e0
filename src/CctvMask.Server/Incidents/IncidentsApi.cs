using System.Security.Claims;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Server.Incidents.Contracts;
using CctvMask.Server.Violations;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Incidents;

/// <summary>
/// /api/incidents: violations of a camera grouped when close in time (viewer), and their review:
/// acknowledge or dismiss (admin), recorded with who and when.
/// </summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(ApiPolicies.Viewer);
        group.MapGet("/", ListIncidents).WithSummary("Incidents (violations of one camera close in time), newest first, paged and filtered");
        group.MapGet("/{id:guid}", GetIncident).WithSummary("One incident with its review");
        group.MapPost("/{id:guid}/acknowledge", (Guid id, IncidentReviewRequest? body, ClaimsPrincipal user, IncidentRepository incidents,
                TimeProvider clock, ILoggerFactory logs, CancellationToken ct) =>
                ReviewAsync(id, IncidentState.Acknowledged, body, user, incidents, clock, logs, ct))
            .RequireAuthorization(ApiPolicies.Admin).WithSummary("Acknowledge an incident (admin; recorded)").Audited("incident.acknowledge");
        group.MapPost("/{id:guid}/dismiss", (Guid id, IncidentReviewRequest? body, ClaimsPrincipal user, IncidentRepository incidents,
                TimeProvider clock, ILoggerFactory logs, CancellationToken ct) =>
                ReviewAsync(id, IncidentState.Dismissed, body, user, incidents, clock, logs, ct))
            .RequireAuthorization(ApiPolicies.Admin).WithSummary("Dismiss an incident (admin; recorded)").Audited("incident.dismiss");
        return app;
    }

    public static async Task<Results<Ok<IncidentPageResponse>, ValidationProblem>> ListIncidents(
        IncidentRepository incidents, IOptions<ViolationOptions> options, CancellationToken ct,
        string? cameraId = null, string? state = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int? pageSize = null)
    {
        var o = options.Value;
        var size = pageSize ?? o.DefaultPageSize;
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["The page number starts at 1."];
        if (size < 1 || size > o.MaxPageSize) errors["pageSize"] = [$"The page size must be between 1 and {o.MaxPageSize}."];
        if (from > to) errors["from"] = ["'from' must not be after 'to'."];
        if (cameraId is not null && !CameraRepository.IsValidId(cameraId))
            errors["cameraId"] = ["The camera id is a slug: lowercase letters, digits, '-' and '_', up to 64 characters."];
        IncidentState? filter = null;
        if (state is not null)
        {
            if (IncidentStates.TryParse(state, out var parsed)) filter = parsed;
            else errors["state"] = ["The state must be open, acknowledged or dismissed."];
        }
        if (ApiTime.OutOfRange(from)) errors["from"] = [ApiTime.RangeMessage];
        if (ApiTime.OutOfRange(to)) errors["to"] = [ApiTime.RangeMessage];
        if ((long)(page - 1) * size > int.MaxValue) errors["page"] = ["The page number is too large."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var result = await incidents.GetPageAsync(new IncidentQuery(cameraId, filter, from, to, (page - 1) * size, size), ct);
        return TypedResults.Ok(new IncidentPageResponse([.. result.Items.Select(IncidentResponse.From)], page, size, result.Total));
    }

    public static async Task<Results<Ok<IncidentResponse>, NotFound>> GetIncident(Guid id, IncidentRepository incidents, CancellationToken ct) =>
        await incidents.GetAsync(id, ct) is { } incident ? TypedResults.Ok(IncidentResponse.From(incident)) : TypedResults.NotFound();

    public static async Task<Results<Ok<IncidentResponse>, NotFound, ValidationProblem>> ReviewAsync(
        Guid id, IncidentState state, IncidentReviewRequest? body, ClaimsPrincipal user, IncidentRepository incidents,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var by = body?.By?.Trim();
        if (by is { Length: 0 }) by = null;
        if (by is { Length: > IncidentLimits.ReviewerMaxLength } || (by is not null && by.Any(char.IsControl)))
            errors["by"] = [$"The reviewer name is up to {IncidentLimits.ReviewerMaxLength} printable characters."];
        var note = body?.Note?.Trim();
        if (note is { Length: 0 }) note = null;
        if (note is { Length: > IncidentLimits.NoteMaxLength })
            errors["note"] = [$"The note is up to {IncidentLimits.NoteMaxLength} characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var reviewer = by ?? user.Identity?.Name ?? ApiPolicies.AdminRole;
        var reviewed = await incidents.ReviewAsync(id, new IncidentReview(state, reviewer, clock.GetUtcNow(), note), ct);
        if (reviewed is null) return TypedResults.NotFound();
        IncidentLog.Reviewed(logs.CreateLogger(typeof(IncidentsApi).FullName!), reviewed.CameraId, reviewed.Id, IncidentStates.Name(state), reviewer);
        return TypedResults.Ok(IncidentResponse.From(reviewed));
    }
}
