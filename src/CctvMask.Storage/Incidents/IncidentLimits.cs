namespace CctvMask.Storage.Incidents;

/// <summary>Column sizes of an incident review, shared by the schema and input validation.</summary>
public static class IncidentLimits
{
    /// <summary>Longest reviewer name stored.</summary>
    public const int ReviewerMaxLength = 64;

    /// <summary>Longest review note stored.</summary>
    public const int NoteMaxLength = 500;
}
