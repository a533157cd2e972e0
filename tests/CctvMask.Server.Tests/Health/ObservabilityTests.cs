using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    [Fact]
    public async Task Healthz_is_alive()
    {
        using var client = _factory.CreateClient(apiKey: null);
        var body = await (await client.GetAsync("/healthz")).ReadNodeAsync();
        Assert.Equal("Healthy", (string)body["status"]!);
    }

    [Fact]
    public async Task Readyz_checks_database_and_models()
    {
        using var client = _factory.CreateClient(apiKey: null);
        var response = await client.GetAsync("/readyz");
        var body = await response.ReadNodeAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string)body["checks"]!["database"]!["status"]!);
        Assert.Equal("Healthy", (string)body["checks"]!["models"]!["status"]!);
    }

    [Fact]
    public async Task Metrics_exposes_cctvmask_meters_in_prometheus_format()
    {
        using var client = _factory.CreateClient(apiKey: null);
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains("# TYPE cctvmask_server_uptime", text);
        Assert.Contains("cctvmask_", text);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        using var client = _factory.CreateClient(apiKey: null);
        var doc = await (await client.GetAsync("/openapi/v1.json")).ReadNodeAsync();
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/cameras", "/api/cameras/{id}", "/api/cameras/{id}/status", "/api/cameras/{id}/frame",
                     "/api/cameras/{id}/compliance", "/api/violations", "/api/violations/{id}/snapshot", "/api/detect", "/api/fleet" })
            Assert.True(paths.ContainsKey(path), $"OpenAPI document lacks {path}");
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_not_an_empty_404()
    {
        using var client = _factory.CreateClient(TestKeys.Viewer);
        var response = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
