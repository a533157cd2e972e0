namespace CctvMask.Grains.Tracking;

/// <summary>A person's (track's) mask state, voted over its frames.</summary>
public enum MaskVerdict
{
    /// <summary>Too few judged frames, or a tie.</summary>
    Unknown = 0,

    /// <summary>Most judged frames say with_mask.</summary>
    Masked = 1,

    /// <summary>Most judged frames say without_mask.</summary>
    Unmasked = 2,

    /// <summary>Most judged frames say mask_incorrect (worn below the nose or on the chin).</summary>
    Incorrect = 3,
}
