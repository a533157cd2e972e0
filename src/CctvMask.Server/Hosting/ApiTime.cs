namespace CctvMask.Server.Hosting;

/// <summary>The time range query parameters may name (the databases and the date arithmetic stay well inside it).</summary>
public static class ApiTime
{
    public static readonly DateTimeOffset Min = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Max = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string RangeMessage = "Times must be between 1970-01-01 and 9000-01-01 (UTC).";

    public static bool OutOfRange(DateTimeOffset? t) => t is { } v && (v < Min || v > Max);
}
