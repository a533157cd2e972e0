namespace CctvMask.Storage.Compliance;

/// <summary>Width of one point of a compliance series (UTC boundaries).</summary>
public enum BucketSize
{
    /// <summary>One minute (the stored resolution).</summary>
    Minute,

    /// <summary>One hour.</summary>
    Hour,

    /// <summary>One UTC day.</summary>
    Day,
}
