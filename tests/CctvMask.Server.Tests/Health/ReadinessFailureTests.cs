using System.Net;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Health;

public sealed class ReadinessFailureTests
{
    [Fact]
    public async Task Readyz_is_503_when_the_models_are_missing()
    {
        using var factory = new ServerFactory().With("Cctv:Inference:ModelsDir", "/nonexistent/models");
        using var client = factory.CreateClient(apiKey: null);
        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.ReadNodeAsync();
        Assert.Equal("Unhealthy", (string)body["checks"]!["models"]!["status"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
