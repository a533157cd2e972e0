using System.Net;
using CctvMask.Abstractions.Violations;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Violations;

/// <summary>The violation kind ("unmasked", "incorrect") in the API's violation JSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class ViolationKindApiTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    [Fact]
    public async Task Violations_are_listed_with_their_kind_and_its_confidence()
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var camera = new { name = "Kinds " + Guid.NewGuid().ToString("N")[..6], url = "rtsp://10.255.0.1:554/stream", enabled = false };
        var id = (string)(await (await admin.PostJsonAsync("/api/cameras", camera)).ReadNodeAsync())["id"]!;
        var now = DateTimeOffset.UtcNow;
        var incorrect = new ViolationRecord(Guid.NewGuid(), id, now, 1, 0.8f, new FaceBox(10, 10, 20, 20), [0xFF, 0xD8, 1], null,
            Kind: ViolationKind.Incorrect);
        var unmasked = new ViolationRecord(Guid.NewGuid(), id, now.AddSeconds(-1), 2, 0.9f, new FaceBox(40, 10, 20, 20), [0xFF, 0xD8, 2], null);
        await _factory.Services.GetRequiredService<ViolationRepository>().InsertAsync([incorrect, unmasked]);

        var response = await viewer.GetAsync($"/api/violations?cameraId={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadNodeAsync())["items"]!.AsArray();
        Assert.Equal(["incorrect", "unmasked"], items.Select(v => (string)v!["kind"]!).ToArray());
        Assert.Equal(0.8, (double)items[0]!["confidence"]!, 3);
    }
}
