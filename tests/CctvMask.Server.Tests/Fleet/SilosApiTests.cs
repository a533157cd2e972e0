using System.Net;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Fleet;

/// <summary>GET /api/fleet/silos on the embedded default: one localhost silo, this one.</summary>
[Collection(ApiCollection.Name)]
public sealed class SilosApiTests(SqliteServerFixture fixture)
{
    [Fact]
    public async Task The_embedded_server_lists_itself_as_the_only_active_silo()
    {
        using var viewer = fixture.Factory.CreateClient(TestKeys.Viewer);
        var silos = (await (await viewer.GetAsync("/api/fleet/silos")).ReadNodeAsync()).AsArray();
        var silo = Assert.Single(silos)!;
        Assert.Equal("active", (string)silo["status"]!);
        Assert.True((bool)silo["self"]!);
        // Same form as a camera status's "silo": the silo's own address on the configured port.
        var port = fixture.Factory.Services.GetRequiredService<IConfiguration>()["Orleans:SiloPort"];
        Assert.Matches($@"^S127\.0\.0\.1:{port}:\d+$", (string)silo["address"]!);
    }

    [Fact]
    public async Task Silos_need_a_key()
    {
        using var anonymous = fixture.Factory.CreateClient(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/fleet/silos")).StatusCode);
    }
}
