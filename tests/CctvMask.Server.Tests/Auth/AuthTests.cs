using System.Net;
using System.Net.Http.Headers;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/api/cameras")]
    [InlineData("/api/fleet")]
    [InlineData("/api/violations")]
    public async Task No_key_is_a_401_problem(string url)
    {
        using var client = _factory.CreateClient(apiKey: null);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (int)(await response.ReadNodeAsync())["status"]!);
    }

    [Fact]
    public async Task Wrong_key_is_a_401()
    {
        using var client = _factory.CreateClient("not-a-real-key-000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cameras")).StatusCode);
    }

    [Fact]
    public async Task Viewer_key_on_a_mutation_is_a_403_problem()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var response = await viewer.PostJsonAsync("/api/cameras", new { name = "x", url = "rtsp://h/x", enabled = false });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (int)(await response.ReadNodeAsync())["status"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/cameras/anything")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/cameras")).StatusCode);
    }

    [Fact]
    public async Task Bearer_token_is_accepted()
    {
        using var client = _factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cameras")).StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/")]
    [InlineData("/api-docs")]
    [InlineData("/metrics")]
    public async Task Probes_docs_and_metrics_need_no_key(string url)
    {
        using var client = _factory.CreateClient(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}
