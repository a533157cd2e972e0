using System.Net;
using System.Net.Http.Headers;
using CctvMask.Server.Detect;
using CctvMask.Server.Detect.Contracts;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>Issue 8, item 2: /api/detect work is bounded; past the bound the answer is 429 with Retry-After.</summary>
public sealed class DetectLimitTests
{
    [Fact]
    public async Task Past_the_concurrent_detections_and_the_queue_the_answer_is_429_with_retry_after()
    {
        var detector = new BlockingDetector();
        await using var factory = new FakeDetectorFactory(detector);
        factory.With("Detect:MaxConcurrent", "1").With("Detect:QueueLimit", "0").With("Detect:RetryAfterSeconds", "7");
        using var viewer = factory.CreateClient(TestKeys.Viewer);

        var first = viewer.PostAsync("/api/detect", Image());
        await detector.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the first one holds the only slot
        var second = await viewer.PostAsync("/api/detect", Image());
        detector.Release.SetResult();

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), second.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    [Fact]
    public async Task An_image_past_the_api_megapixel_bound_is_refused_from_its_header()
    {
        await using var factory = new ServerFactory();
        using var viewer = factory.CreateClient(TestKeys.Viewer);
        // The PNG bomb: 7000x7000, under the CLI's 50 MP cap but over the API's 16 MP.
        var bomb = PngHeader(7000, 7000);
        var content = new ByteArrayContent(bomb);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await viewer.PostAsync("/api/detect", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync());
    }

    private static ByteArrayContent Image()
    {
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    /// <summary>The reproduction: an all-zero RGB PNG, highly compressed (7000x7000 is ~143 KB).</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var idat = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width * 3 + 1];
            for (var y = 0; y < height; y++) z.Write(row);
        }
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        png.Write(header);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
        png.Write(header);
    }

    private sealed class BlockingDetector : IImageFaceDetector
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<DetectResponse> DetectAsync(byte[] encodedImage, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return new DetectResponse(1, 1, []);
        }
    }

    private sealed class FakeDetectorFactory(IImageFaceDetector detector) : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(detector));
        }
    }
}
