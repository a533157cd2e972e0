using System.Security.Claims;

namespace CctvMask.Server.Alerts;

/// <summary>
/// The one place every alert-rule mutation (create, update, delete, test) is reported: who did what to which
/// rule and how it ended. Today a structured log line; this is the seam for the audit log (issue 11 item 2):
/// point <see cref="RecordAsync"/> at its recorder and every alert mutation is audited.
/// </summary>
public sealed class AlertRuleChanges(ILogger<AlertRuleChanges> logger)
{
    public Task RecordAsync(HttpContext context, string action, Guid ruleId, string outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
        AlertLog.RuleChanged(logger, ruleId, action, actor, outcome);
        return Task.CompletedTask;
    }
}
