namespace CctvMask.Dashboard.Fleet;

/// <summary>What each number of the fleet table is (its tooltip), in the operator's words.</summary>
public static class FleetHelp
{
    /// <summary>Every state in the API's words with what it means (the status chips' own tooltips, in one line).</summary>
    public static readonly string Status = string.Join(" ", Cameras.CameraStates.Filterable.Select(s => $"{s}: {Cameras.CameraStates.Describe(s)}"));
    public const string Fps = "Frames analysed per second right now; — when the camera is not running.";
    public const string PeopleThisHour = "Different people seen since the start of this UTC hour; each person counts once however long they stay.";
    public const string PeopleToday = "Different people seen since 00:00 UTC today; each person counts once.";
    public const string ComplianceNow = "Masked ÷ (masked + unmasked) over the last few minutes; — when the camera is not running or nobody could be assessed.";
    public const string Compliance24h = "Masked ÷ (masked + unmasked) over the last 24 hours (people whose face could be judged).";
    public const string Trend = "Compliance per hour over the last 24 hours (UTC).";
    public const string Assessable = "Share of people seen in 24 hours whose face could be judged masked or unmasked (the rest were too small, turned away or undecided).";
}
