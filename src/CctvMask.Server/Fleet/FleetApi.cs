using CctvMask.Server.Auth;
using CctvMask.Server.Cameras;
using CctvMask.Server.Cameras.Contracts;
using CctvMask.Server.Fleet.Contracts;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;

namespace CctvMask.Server.Fleet;

/// <summary>/api/fleet: the dashboard's overview in one call, and the silos serving it (viewer).</summary>
public static class FleetApi
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder app)
    {
        var fleet = app.MapGroup("/api/fleet").WithTags("Fleet").RequireAuthorization(ApiPolicies.Viewer);
        fleet.MapGet("/", GetFleet).WithSummary("Every camera with its state, people and compliance now and over 24 h");
        fleet.MapGet("/silos", GetSilos).WithSummary("The silos of the cluster and the cameras each runs");
        return app;
    }

    /// <summary>Response header set when the database is down and the list comes from <see cref="FleetCameraCache"/>.</summary>
    public const string StaleHeader = "X-Cctv-Database";

    public static async Task<Ok<FleetCameraResponse[]>> GetFleet(
        CameraRepository cameras, ComplianceRepository compliance, ICameraControl control, FleetCameraCache cache,
        HttpResponse response, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<CameraRecord> list;
        Dictionary<string, CameraComplianceSummary> summaries;
        try
        {
            list = await cameras.ListAsync(cancellationToken: ct);
            summaries = (await compliance.GetFleetSummaryAsync(now, ct)).ToDictionary(s => s.CameraId, StringComparer.Ordinal);
            cache.Remember(list);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && cache.Cameras is { } known && !ct.IsCancellationRequested)
        {
            // Database down: the last known cameras with their live status from the grains, no compliance.
            list = known;
            summaries = [];
            response.Headers[StaleHeader] = "unavailable; camera list from cache, compliance omitted";
        }
        // Grains answer concurrently; one slow camera does not serialise the page.
        var statuses = await Task.WhenAll(list.Select(c => control.GetStatusAsync(c.Id, ct)));
        var rows = new FleetCameraResponse[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            summaries.TryGetValue(c.Id, out var s);
            var status = CameraStatusResponse.From(c.Id, statuses[i]);
            // "Now" only for a camera that is analysing now: a stopped or stalled one has no current value.
            var complianceNow = statuses[i].State == CctvMask.Grains.Cameras.CameraState.Running ? s?.ComplianceNow : null;
            rows[i] = new FleetCameraResponse(
                c.Id, c.Name, CameraUrl.Redact(c.Url), c.Enabled, status.State, status.AnalysisFps,
                s?.PeopleThisHour ?? 0, s?.PeopleToday ?? 0, complianceNow, s?.Compliance24h, s?.LastBucketAt, status);
        }
        return TypedResults.Ok(rows);
    }

    /// <summary>
    /// The cluster as this silo sees it: active silos (and, with <paramref name="includeDead"/>, the
    /// dead ones still in the membership table), ordered by address. One entry in embedded mode.
    /// </summary>
    public static Ok<SiloResponse[]> GetSilos(IClusterMembershipService membership, ILocalSiloDetails local, bool? includeDead)
    {
        var rows = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active || (includeDead == true && m.Status == SiloStatus.Dead))
            .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m => new SiloResponse(m.SiloAddress.ToString(), m.Name, m.Status.ToString().ToLowerInvariant(), m.SiloAddress.Equals(local.SiloAddress)))
            .ToArray();
        return TypedResults.Ok(rows);
    }
}
