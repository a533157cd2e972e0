namespace CctvMask.Storage.Database;

/// <summary>Time conversions shared by the repositories.</summary>
internal static class StorageTime
{
    /// <summary>
    /// UTC DateTime truncated to whole microseconds: PostgreSQL keeps microseconds, so a value
    /// read back equals the value written on both providers.
    /// </summary>
    public static DateTime ToDb(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static DateTimeOffset FromDb(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Start of the UTC minute holding <paramref name="value"/>.</summary>
    public static DateTime FloorToMinute(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }
}
