using CctvMask.Server.Alerts.Contracts;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Storage.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CctvMask.Server.Alerts;

/// <summary>/api/alerts: rules CRUD and test (admin), events and deliveries (viewer). Secrets are write-only.</summary>
public static class AlertsApi
{
    private const int DefaultListLimit = 50;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(ApiPolicies.Viewer);
        var rules = alerts.MapGroup("/rules").RequireAuthorization(ApiPolicies.Admin);
        rules.MapGet("/", ListRules).WithSummary("List alert rules (admin; webhook secrets never shown)");
        rules.MapGet("/{id:guid}", GetRule).WithSummary("Get one alert rule (admin)");
        rules.MapPost("/", CreateRule).WithSummary("Create an alert rule (admin; scope camera, eachCamera or fleet)").Audited("alert_rule.create");
        rules.MapPut("/{id:guid}", UpdateRule).WithSummary("Change an alert rule (admin; without a secret the stored one is kept)").Audited("alert_rule.update");
        rules.MapDelete("/{id:guid}", DeleteRule).WithSummary("Delete an alert rule (admin)").Audited("alert_rule.delete");
        rules.MapPost("/{id:guid}/test", TestRule).WithSummary("Queue a test event on the rule's channels (admin)").Audited("alert_rule.test");
        alerts.MapPost("/mqtt/protect-password", ProtectMqttPassword).RequireAuthorization(ApiPolicies.Admin)
            .WithSummary("Encrypt an MQTT password for Alerts:Mqtt:ProtectedPassword with the server's key ring (admin)").Audited("alert_mqtt.protect_password");
        alerts.MapGet("/events", ListEvents).WithSummary("Recent alert events, newest first, with their payload");
        alerts.MapGet("/deliveries", ListDeliveries).WithSummary("Recent deliveries of alert events (per channel)");
        alerts.MapGet("/deliveries/{id:guid}/attempts", ListAttempts).WithSummary("Every attempt of one delivery");
        return app;
    }

    public static async Task<Ok<AlertRuleResponse[]>> ListRules([AsParameters] AlertServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Rules.ListAsync(cancellationToken: ct)).Select(AlertRuleResponse.From).ToArray());

    public static async Task<Results<Ok<AlertRuleResponse>, NotFound>> GetRule(Guid id, [AsParameters] AlertServices services, CancellationToken ct) =>
        await services.Rules.GetAsync(id, ct) is { } rule ? TypedResults.Ok(AlertRuleResponse.From(rule)) : TypedResults.NotFound();

    public static async Task<Results<Created<AlertRuleResponse>, ValidationProblem>> CreateRule(
        AlertRuleRequest request, HttpContext context, [AsParameters] AlertServices services, CancellationToken ct)
    {
        var errors = AlertRuleValidator.Validate(request, null, services.Options.Value, services.Webhooks.Value, out var spec, out var secret);
        await CheckCameraAsync(request.CameraId, errors, services, ct);
        if ((await services.Rules.ListAsync(cancellationToken: ct)).Count >= services.Options.Value.MaxRules)
            errors["rules"] = [$"At most {services.Options.Value.MaxRules} rules (Alerts:MaxRules)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rule = await services.Rules.CreateAsync(spec!, secret is null ? null : services.Secrets.Protect(secret), ct);
        AuditedEndpoints.SetTarget(context, rule.Id.ToString());
        return TypedResults.Created($"/api/alerts/rules/{rule.Id}", AlertRuleResponse.From(rule));
    }

    public static async Task<Results<Ok<AlertRuleResponse>, NotFound, ValidationProblem>> UpdateRule(
        Guid id, AlertRuleRequest request, HttpContext context, [AsParameters] AlertServices services, CancellationToken ct)
    {
        var existing = await services.Rules.GetAsync(id, ct);
        if (existing is null) return TypedResults.NotFound();
        var errors = AlertRuleValidator.Validate(request, existing, services.Options.Value, services.Webhooks.Value, out var spec, out var secret);
        await CheckCameraAsync(request.CameraId, errors, services, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rule = await services.Rules.UpdateAsync(id, spec!, secret is null ? null : services.Secrets.Protect(secret), ct);
        if (rule is null) return TypedResults.NotFound();
        if (secret is not null) AuditedEndpoints.SetDetail(context, "webhook secret replaced");
        return TypedResults.Ok(AlertRuleResponse.From(rule));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteRule(
        Guid id, HttpContext context, [AsParameters] AlertServices services, CancellationToken ct)
    {
        return await services.Rules.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Queues a test event (status "test") on the rule's channels; delivered like any other event.</summary>
    public static async Task<Results<Accepted<AlertTestResponse>, NotFound>> TestRule(
        Guid id, HttpContext context, [AsParameters] AlertServices services, CancellationToken ct)
    {
        var rule = await services.Rules.GetAsync(id, ct);
        if (rule is null) return TypedResults.NotFound();
        var alert = await services.Outbox.RaiseAsync(rule, rule.Spec.CameraId, AlertEventStatus.Test, null, null, ct);
        var channels = (await services.Events.ListDeliveriesAsync(alert.Id, services.Options.Value.MaxListLimit, ct))
            .Select(d => AlertPayload.Name(d.Channel)).ToArray();
        AuditedEndpoints.SetDetail(context, channels.Length == 0 ? "no channel configured" : $"queued on {string.Join(", ", channels)}");
        return TypedResults.Accepted($"/api/alerts/deliveries?eventId={alert.Id}", new AlertTestResponse(alert.Id, channels));
    }

    /// <summary>Encrypts a password for the MQTT configuration; the answer is ciphertext only, nothing is stored.</summary>
    public static Results<Ok<MqttProtectedPasswordResponse>, ValidationProblem> ProtectMqttPassword(
        MqttPasswordRequest request, [FromKeyedServices(KeyRing.SecretProtector.MqttPassword)] KeyRing.SecretProtector protector)
    {
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > AlertLimits.SecretMaxLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [$"A password of 1–{AlertLimits.SecretMaxLength} characters is required."] });
        return TypedResults.Ok(new MqttProtectedPasswordResponse(protector.Protect(request.Password)));
    }

    public static async Task<Results<Ok<AlertEventResponse[]>, ValidationProblem>> ListEvents(
        [AsParameters] AlertServices services, CancellationToken ct, int? limit = null)
    {
        if (BadLimit(limit, services) is { } problem) return problem;
        var events = await services.Events.ListEventsAsync(limit ?? DefaultListLimit, ct);
        return TypedResults.Ok(events.Select(AlertEventResponse.From).ToArray());
    }

    public static async Task<Results<Ok<AlertDeliveryResponse[]>, ValidationProblem>> ListDeliveries(
        [AsParameters] AlertServices services, CancellationToken ct, Guid? eventId = null, int? limit = null)
    {
        if (BadLimit(limit, services) is { } problem) return problem;
        var deliveries = await services.Events.ListDeliveriesAsync(eventId, limit ?? DefaultListLimit, ct);
        return TypedResults.Ok(deliveries.Select(AlertDeliveryResponse.From).ToArray());
    }

    public static async Task<Ok<AlertDeliveryAttemptResponse[]>> ListAttempts(Guid id, [AsParameters] AlertServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Events.ListAttemptsAsync(id, ct)).Select(AlertDeliveryAttemptResponse.From).ToArray());

    private static ValidationProblem? BadLimit(int? limit, AlertServices services) =>
        limit is { } l && (l < 1 || l > services.Options.Value.MaxListLimit)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"The limit is 1–{services.Options.Value.MaxListLimit}."] })
            : null;

    private static async Task CheckCameraAsync(string? cameraId, Dictionary<string, string[]> errors, AlertServices services, CancellationToken ct)
    {
        if (cameraId is null || errors.ContainsKey("cameraId")) return;
        if (await services.Cameras.GetAsync(cameraId, ct) is null) errors["cameraId"] = [$"No camera '{cameraId}'."];
    }
}
