using CctvMask.Video.Ingest;
using Xunit.Sdk;

namespace CctvMask.Video.Tests.Support;

internal static class IngestWait
{
    /// <summary>Polls the status until <paramref name="condition"/> holds; fails with the last status after a generous bound.</summary>
    public static async Task<IngestStatus> UntilAsync(CameraIngest ingest, Func<IngestStatus, bool> condition, TimeSpan bound, string what)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            var status = ingest.Status;
            if (condition(status)) return status;
            if (DateTime.UtcNow > until) throw new XunitException($"Timed out waiting for {what}; last status: {status}");
            await Task.Delay(50);
        }
    }
}
