using System.Globalization;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Cameras;

/// <summary>
/// The camera page's line on the open minute and the last closed one (people, masked, unmasked, and of those who wore
/// the mask incorrectly), so a manager sees the minute before it reaches the chart.
/// </summary>
public static class MinuteCounts
{
    /// <summary>"this minute: 5 people · 3 masked · 2 unmasked (1 mask worn incorrectly)"; null when the status has no open minute.</summary>
    public static string? OpenMinute(CameraStatusDto status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.OpenMinute is not { } m) return null;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"this minute: {People(m.People)} · {m.Masked} masked · {m.Unmasked} unmasked");
        return m.Incorrect > 0 ? text + Incorrect(m.Incorrect) : text;
    }

    /// <summary>"last minute: 4 people · 75 % masked (1 mask worn incorrectly)"; null before the first minute closed.</summary>
    public static string? LastMinute(CameraStatusDto status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.LastMinutePeople is not { } people) return null;
        var text = "last minute: " + People(people);
        if (status.LastMinuteCompliance is { } c) text += string.Create(CultureInfo.InvariantCulture, $" · {c * 100:0} % masked");
        return status.LastMinuteIncorrect is { } incorrect && incorrect > 0 ? text + Incorrect(incorrect) : text;
    }

    private static string People(int n) => n == 1 ? "1 person" : n.ToString(CultureInfo.InvariantCulture) + " people";

    private static string Incorrect(int n) =>
        string.Create(CultureInfo.InvariantCulture, $" ({n} {(n == 1 ? "mask" : "masks")} worn incorrectly)");
}
