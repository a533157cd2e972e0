using System.IO.Pipes;
using BenchmarkDotNet.Attributes;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Frames;

namespace CctvMask.Benchmarks.Video;

/// <summary>
/// The ffmpeg stdout read path: rent a pooled frame buffer, fill it with exact-size reads, return it.
/// <c>InMemory</c> isolates our code (a stream that hands out 64 KiB chunks like a Linux pipe);
/// <c>OsPipe</c> adds the real kernel pipe copy with a writer on another thread (async, as ingest
/// reads; <c>OsPipeSync</c> for comparison), with the default and an enlarged pipe.
/// </summary>
[MemoryDiagnoser]
public class FrameReadBenchmarks
{
    private readonly FrameBufferPool _pool = new(new FrameSize(640, 360));
    private ChunkedStream _memory = null!;
    private AnonymousPipeServerStream _pipeWriter = null!;
    private AnonymousPipeClientStream _pipeReader = null!;
    private CancellationTokenSource _stopWriter = null!;
    private Task _writer = null!;

    /// <summary>0 = the kernel's default 64 KiB pipe; 1 MiB = what FfmpegFrameSource asks for.</summary>
    [Params(0, 1024 * 1024)]
    public int PipeBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _memory = new ChunkedStream(_pool.Size.FrameBytes, chunk: 64 * 1024);
        _pipeWriter = new AnonymousPipeServerStream(PipeDirection.Out);
        _pipeReader = new AnonymousPipeClientStream(PipeDirection.In, _pipeWriter.ClientSafePipeHandle);
        if (PipeBytes > 0 && PipeCapacity.TrySet(_pipeWriter, PipeBytes) < PipeBytes)
            throw new InvalidOperationException($"could not enlarge the pipe to {PipeBytes} bytes");
        _stopWriter = new CancellationTokenSource();
        var frame = new byte[_pool.Size.FrameBytes];
        Random.Shared.NextBytes(frame);
        _writer = Task.Run(() =>
        {
            try
            {
                while (!_stopWriter.IsCancellationRequested) _pipeWriter.Write(frame);
            }
            catch (IOException)
            {
                // reader closed
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopWriter.Cancel();
        _pipeReader.Dispose();
        _writer.Wait(TimeSpan.FromSeconds(5));
        _pipeWriter.Dispose();
        _stopWriter.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> InMemory() => await ReadOneAsync(_memory);

    [Benchmark]
    public async Task<int> OsPipe() => await ReadOneAsync(_pipeReader);

    [Benchmark]
    public int OsPipeSync()
    {
        var buffer = _pool.Rent();
        var span = buffer.AsSpan(0, _pool.Size.FrameBytes);
        var filled = 0;
        while (filled < span.Length)
        {
            var n = _pipeReader.Read(span[filled..]);
            if (n == 0) break;
            filled += n;
        }
        _pool.Return(buffer);
        return filled;
    }

    private async ValueTask<int> ReadOneAsync(Stream stream)
    {
        var buffer = _pool.Rent();
        var n = await FrameReader.FillAsync(stream, buffer.AsMemory(0, _pool.Size.FrameBytes));
        _pool.Return(buffer);
        return n;
    }

    /// <summary>An endless stream returning at most <c>chunk</c> bytes per read, like a pipe.</summary>
    private sealed class ChunkedStream(int frameBytes, int chunk) : Stream
    {
        private readonly byte[] _source = new byte[frameBytes];
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, chunk), _source.Length - _position);
            _source.AsSpan(_position, n).CopyTo(buffer);
            _position = (_position + n) % _source.Length;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
