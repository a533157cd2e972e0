namespace CctvMask.Video.Ingest;

/// <summary>One ffmpeg session failed (its message is scrubbed); drives the reconnect backoff.</summary>
public sealed class IngestSessionException : Exception
{
    public IngestSessionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
