using System.IO.Pipes;
using CctvMask.Video.Ffmpeg;

namespace CctvMask.Video.Tests.Ffmpeg;

public sealed class PipeCapacityTests
{
    [Fact]
    public void Enlarges_a_pipe_to_hold_a_frame_and_data_still_flows()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle);
        var frame = 640 * 360 * 3;

        var capacity = PipeCapacity.TrySet(reader, frame);

        Assert.True(capacity >= frame, $"capacity {capacity}");
        Assert.Equal(capacity, PipeCapacity.Get(reader));
        // A whole frame now fits without a reader: the write completes at once.
        var data = new byte[frame];
        data[^1] = 42;
        writer.Write(data);
        var read = new byte[frame];
        reader.ReadExactly(read);
        Assert.Equal(42, read[^1]);
    }

    [Fact]
    public void Caps_the_request_and_ignores_non_pipes()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        Assert.Equal(PipeCapacity.DefaultMaxBytes, PipeCapacity.TrySet(writer, 50_000_000));
        Assert.Equal(0, PipeCapacity.TrySet(new MemoryStream(), 1000));
        Assert.Equal(0, PipeCapacity.Get(new MemoryStream()));
        Assert.Equal(0, PipeCapacity.TrySet(writer, 0));
    }
}
