using System.Runtime.CompilerServices;

namespace CctvMask.Video.Frames;

/// <summary>Exact-size reads of raw frames from a pipe (which hands out at most 64 KiB per read).</summary>
public static class FrameReader
{
    /// <summary>
    /// Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read
    /// (buffer length = a whole frame, 0 = clean end, anything between = truncated last frame).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            filled += n;
        }
        return filled;
    }
}
