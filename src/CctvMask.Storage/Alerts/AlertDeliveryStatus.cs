namespace CctvMask.Storage.Alerts;

/// <summary>State of one delivery of an event to one channel.</summary>
public enum AlertDeliveryStatus
{
    /// <summary>Not delivered yet; tried again at NextAttemptAt.</summary>
    Pending = 0,

    /// <summary>The receiver accepted it.</summary>
    Delivered = 1,

    /// <summary>Given up (too old, or its rule or target is gone).</summary>
    Failed = 2,
}
