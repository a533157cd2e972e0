namespace CctvMask.Server.Fleet;

/// <summary>Fleet (cluster membership) log lines, EventIds 5400–5499.</summary>
public static partial class FleetLog
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Silo {Silo} ({Name}) is {Status} in cluster {ClusterId}")]
    public static partial void MemberChanged(ILogger logger, string silo, string name, string status, string clusterId);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "This silo is {Silo} ({Name}) in cluster {ClusterId}")]
    public static partial void LocalSilo(ILogger logger, string silo, string name, string clusterId);
}
