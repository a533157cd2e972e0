using System.Data.Common;

namespace CctvMask.Server.Hosting;

/// <summary>Recognises a database error in an exception chain (the caller then asks the probe whether the database is down).</summary>
public static class DatabaseFailure
{
    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions comes from the database driver.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException) return true;
            if (e is AggregateException agg && agg.InnerExceptions.Any(Is)) return true;
        }
        return false;
    }
}
