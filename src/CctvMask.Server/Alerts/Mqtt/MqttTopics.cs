namespace CctvMask.Server.Alerts.Mqtt;

/// <summary>The topic layout under the configured prefix (documented in the README).</summary>
public static class MqttTopics
{
    /// <summary>Fleet-wide test events (no camera) go here instead of a camera's topic.</summary>
    public const string FleetSegment = "_fleet";

    /// <summary>{prefix}/alerts/{cameraId|_fleet}: alert events (QoS 1, not retained).</summary>
    public static string Alert(string prefix, string? cameraId) => $"{Trim(prefix)}/alerts/{cameraId ?? FleetSegment}";

    /// <summary>{prefix}/cameras/{cameraId}/status: state, fps (retained).</summary>
    public static string Status(string prefix, string cameraId) => $"{Trim(prefix)}/cameras/{cameraId}/status";

    /// <summary>{prefix}/cameras/{cameraId}/compliance: counts over the last minutes (retained).</summary>
    public static string Compliance(string prefix, string cameraId) => $"{Trim(prefix)}/cameras/{cameraId}/compliance";

    private static string Trim(string prefix) => prefix.TrimEnd('/');
}
