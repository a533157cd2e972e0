using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Incidents;

/// <summary>/api/incidents over the real server and SQLite: grouped violations, review by admins only, bad input as 400.</summary>
[Collection(ApiCollection.Name)]
public sealed class IncidentsApiTests(SqliteServerFixture fixture)
{
    private async Task<string> SeedAsync(int violations)
    {
        var camera = $"inc-{Guid.NewGuid():N}"[..20];
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        var records = Enumerable.Range(0, violations).Select(i => new ViolationRecord(
            Guid.NewGuid(), camera, t0.AddSeconds(10 * i), i, 0.9f, new FaceBox(1, 2, 30, 30), [0xFF, 0xD8, (byte)i], [0xFF, 0xD8])).ToArray();
        await fixture.Factory.Services.GetRequiredService<ViolationRepository>().InsertAsync(records);
        return camera;
    }

    [Fact]
    public async Task Violations_are_listed_as_incidents_which_an_admin_acknowledges_with_who_and_when()
    {
        var camera = await SeedAsync(4);
        using var viewer = fixture.Factory.CreateClient(TestKeys.Viewer);
        using var admin = fixture.Factory.CreateClient(TestKeys.Admin);

        var page = await (await viewer.GetAsync($"/api/incidents?cameraId={camera}")).ReadNodeAsync();
        var incident = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal(4, (int)incident["violationCount"]!);
        Assert.Equal("open", (string)incident["state"]!);
        var id = (string)incident["id"]!;
        var members = await (await viewer.GetAsync($"/api/violations?incidentId={id}")).ReadNodeAsync();
        Assert.Equal(4, (int)members["total"]!);
        var face = await viewer.GetAsync((string)incident["faceUrl"]!);
        Assert.Equal(HttpStatusCode.OK, face.StatusCode);
        Assert.Equal("image/jpeg", face.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/incidents/{id}/acknowledge", null)).StatusCode);
        var acknowledged = await (await admin.PostJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "Ana", note = "on site" })).ReadNodeAsync();
        Assert.Equal(("acknowledged", "Ana", "on site"), ((string)acknowledged["state"]!, (string)acknowledged["reviewedBy"]!, (string)acknowledged["reviewNote"]!));
        Assert.NotNull(acknowledged["reviewedAt"]);
        var dismissed = await (await admin.PostAsync($"/api/incidents/{id}/dismiss", null)).ReadNodeAsync();
        Assert.Equal(("dismissed", "admin"), ((string)dismissed["state"]!, (string)dismissed["reviewedBy"]!));

        Assert.Equal(1, (int)(await (await viewer.GetAsync($"/api/incidents?cameraId={camera}&state=dismissed")).ReadNodeAsync())["total"]!);
        Assert.Equal(0, (int)(await (await viewer.GetAsync($"/api/incidents?cameraId={camera}&state=open")).ReadNodeAsync())["total"]!);
    }

    [Theory]
    [InlineData("/api/incidents?state=closed")]
    [InlineData("/api/incidents?state=1")]
    [InlineData("/api/incidents?cameraId=Bad%20Id")]
    [InlineData("/api/incidents?page=0")]
    [InlineData("/api/incidents?pageSize=100000")]
    public async Task Bad_filters_are_validation_problems(string url)
    {
        using var viewer = fixture.Factory.CreateClient(TestKeys.Viewer);
        var response = await viewer.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_incidents_are_404_and_an_overlong_reviewer_is_400()
    {
        var camera = await SeedAsync(1);
        using var admin = fixture.Factory.CreateClient(TestKeys.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/incidents/{Guid.NewGuid()}")).StatusCode);
        var id = (string)(await (await admin.GetAsync($"/api/incidents?cameraId={camera}")).ReadNodeAsync())["items"]![0]!["id"]!;
        var response = await admin.PostJsonAsync($"/api/incidents/{id}/dismiss", new { by = new string('x', 65) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
