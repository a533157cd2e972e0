using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Detect;

[Collection(ApiCollection.Name)]
public sealed class DetectTests(SqliteServerFixture fixture)
{
    private const string Image = "maksssksksss114";
    private readonly ServerFactory _factory = fixture.Factory;

    [Fact]
    public async Task Multipart_upload_of_a_real_photo_finds_its_faces_through_the_silos_inference_loop()
    {
        // The loop is the only code that records round sizes; this host's meters are scoped to its factory.
        var meters = _factory.Services.GetRequiredService<IMeterFactory>();
        int rounds = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "cctvmask.inference.batch.size" && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref rounds));
        listener.Start();
        var path = TestEnvironment.Shared("datasets", "face-mask-dev", "images", Image + ".jpg");
        using var client = _factory.CreateClient(TestKeys.Viewer);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", Image + ".jpg");

        var response = await client.PostAsync("/api/detect", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertFindsGroundTruthAsync(await response.ReadNodeAsync());
        Assert.True(Volatile.Read(ref rounds) >= 1, "the upload did not go through an inference round");
    }

    [Fact]
    public async Task Raw_body_upload_works_too()
    {
        var bytes = await File.ReadAllBytesAsync(TestEnvironment.Shared("datasets", "face-mask-dev", "images", Image + ".jpg"));
        using var client = _factory.CreateClient(TestKeys.Viewer);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var response = await client.PostAsync("/api/detect", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertFindsGroundTruthAsync(await response.ReadNodeAsync());
    }

    [Fact]
    public async Task Corrupt_upload_is_a_400_problem_with_the_decoder_message()
    {
        var jpeg = await File.ReadAllBytesAsync(TestEnvironment.Shared("datasets", "face-mask-dev", "images", Image + ".jpg"));
        using var client = _factory.CreateClient(TestKeys.Viewer);
        foreach (var body in new[] { "this is not an image"u8.ToArray(), jpeg[..200] })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var response = await client.PostAsync("/api/detect", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadNodeAsync();
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
            Assert.DoesNotContain("   at ", problem.ToJsonString());
        }
    }

    [Fact]
    public async Task Oversize_upload_is_a_413()
    {
        using var client = _factory.CreateClient(TestKeys.Viewer);
        using var content = new ByteArrayContent(new byte[16 * 1024 * 1024 + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var response = await client.PostAsync("/api/detect", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (int)(await response.ReadNodeAsync())["status"]!);
    }

    private static async Task AssertFindsGroundTruthAsync(System.Text.Json.Nodes.JsonNode result)
    {
        var xml = XDocument.Load(TestEnvironment.Shared("datasets", "face-mask-dev", "annotations", Image + ".xml"));
        Assert.Equal((int)xml.Descendants("width").First(), (int)result["width"]!);
        var faces = result["faces"]!.AsArray();
        Assert.NotEmpty(faces);
        foreach (var box in xml.Descendants("bndbox"))
        {
            float x0 = (float)box.Element("xmin")!, y0 = (float)box.Element("ymin")!, x1 = (float)box.Element("xmax")!, y1 = (float)box.Element("ymax")!;
            var best = faces.Max(f =>
            {
                var b = f!["box"]!;
                return IoU(x0, y0, x1, y1, (float)b["x"]!, (float)b["y"]!, (float)b["x"]! + (float)b["width"]!, (float)b["y"]! + (float)b["height"]!);
            });
            Assert.True(best >= 0.3f, $"no detection overlaps ground-truth face ({x0},{y0},{x1},{y1}); best IoU {best:F2}");
        }
        Assert.All(faces, f => Assert.Contains((string)f!["label"]!, new[] { "with_mask", "without_mask", "unknown" }));
        await Task.CompletedTask;
    }

    private static float IoU(float ax0, float ay0, float ax1, float ay1, float bx0, float by0, float bx1, float by1)
    {
        var iw = Math.Max(0, Math.Min(ax1, bx1) - Math.Max(ax0, bx0));
        var ih = Math.Max(0, Math.Min(ay1, by1) - Math.Max(ay0, by0));
        var inter = iw * ih;
        return inter / ((ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter);
    }
}
