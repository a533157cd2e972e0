namespace CctvMask.Dashboard.Fleet;

/// <summary>What each number of the fleet table is (its tooltip), in the operator's words.</summary>
public static class FleetHelp
{
    public const string Status = "streaming = frames arrive and are analysed; stalled = the stream stopped, reconnecting; error = the camera failed and is retried; disabled = switched off.";
    public const string Fps = "Frames analysed per second right now; — when the camera is not streaming.";
    public const string PeopleThisHour = "Different people seen since the start of this UTC hour; each person counts once however long they stay.";
    public const string PeopleToday = "Different people seen since 00:00 UTC today; each person counts once.";
    public const string ComplianceNow = "Masked ÷ (masked + unmasked) over the last few minutes; — when the camera is not streaming or nobody could be assessed.";
    public const string Compliance24h = "Masked ÷ (masked + unmasked) over the last 24 hours (people whose face could be judged).";
    public const string Trend = "Compliance per hour over the last 24 hours (UTC).";
    public const string Assessable = "Share of people seen in 24 hours whose face could be judged masked or unmasked (the rest were too small, turned away or undecided).";
}
