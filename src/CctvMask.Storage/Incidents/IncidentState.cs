namespace CctvMask.Storage.Incidents;

/// <summary>Where an incident stands in the operator's review (stored as its number).</summary>
public enum IncidentState
{
    /// <summary>Not reviewed yet; new violations of the camera within the window still join it.</summary>
    Open = 0,

    /// <summary>An operator saw it and it was real.</summary>
    Acknowledged = 1,

    /// <summary>An operator saw it and set it aside (false alarm, test, already handled).</summary>
    Dismissed = 2,
}
