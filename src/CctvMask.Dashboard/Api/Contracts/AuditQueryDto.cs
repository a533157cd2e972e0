namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Filters of the audit log (empty = any); <see cref="Action"/> matches by prefix.</summary>
public sealed record AuditQueryDto(string? KeyName, string? Action, string? Outcome, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    /// <summary>The query string (no leading '?'), paging left out when <paramref name="paging"/> is false.</summary>
    public string ToQueryString(bool paging)
    {
        var parts = new List<string>();
        if (paging) parts.Add(FormattableString.Invariant($"page={Page}&pageSize={PageSize}"));
        if (!string.IsNullOrWhiteSpace(KeyName)) parts.Add("keyName=" + Uri.EscapeDataString(KeyName.Trim()));
        if (!string.IsNullOrWhiteSpace(Action)) parts.Add("action=" + Uri.EscapeDataString(Action.Trim()));
        if (!string.IsNullOrWhiteSpace(Outcome)) parts.Add("outcome=" + Uri.EscapeDataString(Outcome.Trim()));
        if (From is { } f) parts.Add("from=" + Uri.EscapeDataString(f.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        if (To is { } t) parts.Add("to=" + Uri.EscapeDataString(t.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        return string.Join("&", parts);
    }
}
