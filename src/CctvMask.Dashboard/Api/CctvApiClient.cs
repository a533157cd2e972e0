using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Session;

namespace CctvMask.Dashboard.Api;

/// <summary>
/// Typed client of the server's own HTTP API. Every call carries the logged-in user's key, so the
/// dashboard can do exactly what that key may do through the API, with the API's validation.
/// </summary>
public sealed class CctvApiClient(HttpClient http, DashboardSession session)
{
    public const string KeyHeader = "X-Api-Key";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<IReadOnlyList<CameraDto>> ListCamerasAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<CameraDto>>("api/cameras", ct);

    public Task<CameraDto> GetCameraAsync(string id, CancellationToken ct = default) =>
        GetJsonAsync<CameraDto>($"api/cameras/{Esc(id)}", ct);

    public Task<CameraDto> CreateCameraAsync(CameraRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<CameraDto>(HttpMethod.Post, "api/cameras", request, ct);

    public Task<CameraDto> UpdateCameraAsync(string id, CameraRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<CameraDto>(HttpMethod.Put, $"api/cameras/{Esc(id)}", request, ct);

    public async Task DeleteCameraAsync(string id, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/cameras/{Esc(id)}"), ct);
        await EnsureSuccessAsync(response, ct);
    }

    public Task<CameraStatusDto> GetStatusAsync(string id, CancellationToken ct = default) =>
        GetJsonAsync<CameraStatusDto>($"api/cameras/{Esc(id)}/status", ct);

    /// <summary>The latest annotated frame, or null when the camera has none yet.</summary>
    public Task<ImageResult?> GetFrameAsync(string id, CancellationToken ct = default) =>
        GetImageAsync($"api/cameras/{Esc(id)}/frame", ct);

    /// <summary>A violation's evidence snapshot, or null when it has none.</summary>
    public Task<ImageResult?> GetSnapshotAsync(Guid violationId, CancellationToken ct = default) =>
        GetImageAsync($"api/violations/{violationId}/snapshot", ct);

    public Task<ComplianceSeriesDto> GetComplianceAsync(
        string id, DateTimeOffset from, DateTimeOffset to, ComplianceBucket bucket, CancellationToken ct = default) =>
        GetJsonAsync<ComplianceSeriesDto>(
            $"api/cameras/{Esc(id)}/compliance?from={Iso(from)}&to={Iso(to)}&bucket={bucket.ToString().ToLowerInvariant()}", ct);

    /// <summary>A page of violations; <paramref name="export"/> marks the first page of a CSV export (audited by the API).</summary>
    public async Task<ViolationPageDto> GetViolationsAsync(ViolationQuery query, CancellationToken ct = default, bool export = false)
    {
        var url = new StringBuilder("api/violations?");
        url.Append(CultureInfo.InvariantCulture, $"page={query.Page}&pageSize={query.PageSize}");
        if (query.CameraId is { } camera) url.Append("&cameraId=").Append(Esc(camera));
        if (query.From is { } from) url.Append("&from=").Append(Iso(from));
        if (query.To is { } to) url.Append("&to=").Append(Iso(to));
        if (query.IncidentId is { } incident) url.Append("&incidentId=").Append(incident.ToString("D"));
        var request = new HttpRequestMessage(HttpMethod.Get, url.ToString());
        if (export) request.Headers.Add(Export.ExportEndpoints.ExportHeader, "csv");
        using var response = await SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadJsonAsync<ViolationPageDto>(response, ct);
    }

    /// <summary>A page of the audit log (admin).</summary>
    public Task<AuditPageDto> GetAuditAsync(AuditQueryDto query, CancellationToken ct = default) =>
        GetJsonAsync<AuditPageDto>("api/audit?" + query.ToQueryString(paging: true), ct);

    /// <summary>The audit log as CSV (admin; the API audits the export).</summary>
    public async Task<byte[]> GetAuditCsvAsync(AuditQueryDto query, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/audit/export.csv?" + query.ToQueryString(paging: false)), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>Compliance buckets as CSV (GET /api/compliance/export.csv, audited by the API); the API caps its rows.</summary>
    public async Task<byte[]> GetComplianceCsvAsync(string? cameraId, DateTimeOffset? from, DateTimeOffset? to, string? bucket, CancellationToken ct = default)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(cameraId)) parts.Add("cameraId=" + Esc(cameraId));
        if (from is { } f) parts.Add("from=" + Iso(f));
        if (to is { } t) parts.Add("to=" + Iso(t));
        if (!string.IsNullOrEmpty(bucket)) parts.Add("bucket=" + Esc(bucket));
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/compliance/export.csv?" + string.Join("&", parts)), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>The violator's face crop, or null when none was stored.</summary>
    public Task<ImageResult?> GetFaceAsync(Guid violationId, CancellationToken ct = default) =>
        GetImageAsync($"api/violations/{violationId}/face", ct);

    public Task<IncidentPageDto> GetIncidentsAsync(IncidentQuery query, CancellationToken ct = default)
    {
        var url = new StringBuilder("api/incidents?");
        url.Append(CultureInfo.InvariantCulture, $"page={query.Page}&pageSize={query.PageSize}");
        if (query.CameraId is { } camera) url.Append("&cameraId=").Append(Esc(camera));
        if (query.State is { } state) url.Append("&state=").Append(Esc(state));
        if (query.From is { } from) url.Append("&from=").Append(Iso(from));
        if (query.To is { } to) url.Append("&to=").Append(Iso(to));
        return GetJsonAsync<IncidentPageDto>(url.ToString(), ct);
    }

    /// <summary>Acknowledges (true) or dismisses (false) an incident; admin keys only.</summary>
    public Task<IncidentDto> ReviewIncidentAsync(Guid id, bool acknowledge, string? note = null, CancellationToken ct = default) =>
        SendJsonAsync<IncidentDto>(HttpMethod.Post, $"api/incidents/{id}/{(acknowledge ? "acknowledge" : "dismiss")}",
            new { by = (string?)null, note }, ct);

    public Task<IReadOnlyList<FleetCameraDto>> GetFleetAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<FleetCameraDto>>("api/fleet", ct);

    public Task<IReadOnlyList<AlertRuleDto>> ListAlertRulesAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<AlertRuleDto>>("api/alerts/rules", ct);

    public Task<AlertRuleDto> CreateAlertRuleAsync(AlertRuleRequestDto request, CancellationToken ct = default) =>
        SendJsonAsync<AlertRuleDto>(HttpMethod.Post, "api/alerts/rules", request, ct);

    public async Task DeleteAlertRuleAsync(Guid id, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/alerts/rules/{id}"), ct);
        await EnsureSuccessAsync(response, ct);
    }

    public async Task<AlertTestDto> TestAlertRuleAsync(Guid id, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/alerts/rules/{id}/test"), ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadJsonAsync<AlertTestDto>(response, ct);
    }

    public Task<IReadOnlyList<AlertEventDto>> ListAlertEventsAsync(int limit, CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<AlertEventDto>>($"api/alerts/events?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    public Task<IReadOnlyList<AlertDeliveryDto>> ListAlertDeliveriesAsync(int limit, CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<AlertDeliveryDto>>($"api/alerts/deliveries?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>
    /// The role a key grants, or null when the API rejects it. Deleting a camera id that cannot
    /// exist (upper case is never a valid slug) is authorised for admin only and changes nothing:
    /// 403 means viewer, 404 means admin.
    /// </summary>
    public async Task<DashboardRole?> ProbeRoleAsync(string apiKey, CancellationToken ct = default)
    {
        using (var list = await SendWithKeyAsync(new HttpRequestMessage(HttpMethod.Get, "api/cameras"), apiKey, ct))
        {
            if (list.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return null;
            await EnsureSuccessAsync(list, ct);
        }
        using var probe = await SendWithKeyAsync(
            new HttpRequestMessage(HttpMethod.Delete, $"api/cameras/Dashboard-Role-Probe-{Guid.NewGuid():N}"), apiKey, ct);
        return probe.StatusCode == HttpStatusCode.Forbidden ? DashboardRole.Viewer : DashboardRole.Admin;
    }

    private async Task<T> GetJsonAsync<T>(string url, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadJsonAsync<T>(response, ct);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string url, object body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        using var response = await SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await ReadJsonAsync<T>(response, ct);
    }

    private async Task<ImageResult?> GetImageAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new ImageResult(bytes, response.Content.Headers.ContentType?.MediaType ?? "image/jpeg");
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (session.ApiKey is not { } key)
        {
            request.Dispose();
            throw new ApiException(HttpStatusCode.Unauthorized, "Not signed in.");
        }
        return SendWithKeyAsync(request, key, ct);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(HttpRequestMessage request, string key, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.Add(KeyHeader, key);
            // The browser's address, for the API's audit log (trusted only on loopback from this dashboard).
            if (session.ClientAddress is { } client) request.Headers.Add(DashboardClientAddress.HeaderName, client);
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(Json, ct)
        ?? throw new ApiException(response.StatusCode, "The API returned an empty body.");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        throw await ApiProblemReader.ReadAsync(response, ct);
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Iso(DateTimeOffset value) =>
        Uri.EscapeDataString(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
