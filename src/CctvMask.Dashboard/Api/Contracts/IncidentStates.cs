namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>The API's incident states.</summary>
public static class IncidentStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Dismissed = "dismissed";

    /// <summary>The states a filter offers, in review order.</summary>
    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Dismissed];
}
