namespace CctvMask.Dashboard.Api;

/// <summary>An image the API served (JPEG frames and snapshots).</summary>
public sealed record ImageResult(byte[] Bytes, string ContentType);
