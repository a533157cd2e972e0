namespace CctvMask.Grains.Compliance;

/// <summary>The UTC period a people count covers: each person counts once per minute, once per hour, once per day.</summary>
public enum CountPeriod
{
    /// <summary>One UTC minute.</summary>
    Minute = 0,

    /// <summary>One UTC hour.</summary>
    Hour = 1,

    /// <summary>One UTC day.</summary>
    Day = 2,
}
