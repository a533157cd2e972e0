using CctvMask.Storage.Incidents;

namespace CctvMask.Server.Incidents;

/// <summary>The API's words for incident states (lower case), both ways.</summary>
public static class IncidentStates
{
    public static string Name(IncidentState state) => state.ToString().ToLowerInvariant();

    /// <summary>Parses open / acknowledged / dismissed (case-insensitive, names only, no numbers).</summary>
    public static bool TryParse(string? text, out IncidentState state)
    {
        state = IncidentState.Open;
        return text is { Length: > 0 } && !char.IsDigit(text[0]) && text[0] != '-'
            && Enum.TryParse(text, ignoreCase: true, out state) && Enum.IsDefined(state);
    }
}
