namespace CctvMask.Server.Audit;

/// <summary>
/// <c>group.MapPut("/{id}", Update).Audited("camera.update")</c>: after the handler, one audit line with the route's
/// <c>{id}</c> as target and the outcome from the result's status; a denied call is recorded by the authentication
/// handler from the same metadata.
/// </summary>
public static class AuditedEndpoints
{
    private const string TargetItem = "cctvmask.audit.target";
    private const string DetailItem = "cctvmask.audit.detail";

    /// <summary>Names the target when the route has no <c>{id}</c> (a create: the new resource's id).</summary>
    public static void SetTarget(HttpContext http, string target) => http.Items[TargetItem] = target;

    /// <summary>Adds a detail to the line (what the call changed beyond its action); never a secret.</summary>
    public static void SetDetail(HttpContext http, string detail) => http.Items[DetailItem] = detail;

    /// <param name="builder">The endpoint.</param>
    /// <param name="action">The audit action, dotted lower case.</param>
    /// <param name="polled">True for a read clients poll (the live frame): repeats within a window are collapsed.</param>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, bool polled = false) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        builder.WithMetadata(new AuditAction(action));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var audit = http.RequestServices.GetRequiredService<IAuditLog>();
            var target = http.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString() : null;
            object? result;
            try
            {
                result = await next(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await audit.RecordAsync(http, action, target, AuditOutcomes.Error, ct: CancellationToken.None);
                throw;
            }
            // Results<…> unions wrap the result that decides the status.
            var inner = result;
            while (inner is INestedHttpResult nested) inner = nested.Result;
            var status = inner is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            if (http.Items[TargetItem] is string named) target = named;
            var outcome = AuditOutcomes.FromStatus(status);
            if (polled) await audit.RecordPolledAsync(http, action, target, outcome, CancellationToken.None);
            else await audit.RecordAsync(http, action, target, outcome, http.Items[DetailItem] as string, CancellationToken.None);
            return result;
        });
        return builder;
    }
}
