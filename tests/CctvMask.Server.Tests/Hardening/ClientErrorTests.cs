using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>Issue 8, items 3 and 9: inputs that used to give a 500 or an empty body are 4xx ProblemDetails.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClientErrorTests(SqliteServerFixture fixture)
{
    private readonly ServerFactory _factory = fixture.Factory;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)status}", body);
    }

    [Theory]
    [InlineData("a\u0000b", "rtsp://127.0.0.1:1/x")]
    [InlineData("ok", "rtsp://127.0.0.1:1/x\u0000y")]
    public async Task A_nul_character_in_a_camera_name_or_url_is_a_400(string name, string url)
    {
        using var admin = _factory.CreateClient(TestKeys.Admin);
        await AssertProblemAsync(await admin.PostJsonAsync("/api/cameras", new { id = "n1", name, url, enabled = false }), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/violations?cameraId=%00")]
    [InlineData("/api/violations?from=0001-01-01T00:00:00Z")]
    [InlineData("/api/cameras/cam1/compliance?to=0001-01-01T00:00:00Z")]
    [InlineData("/api/cameras/cam1/compliance?from=9999-12-31T23:59:59Z")]
    public async Task Out_of_range_query_values_are_a_400(string url)
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        await AssertProblemAsync(await viewer.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_truncated_multipart_upload_is_a_400()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG-cut-off-here";
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
        await AssertProblemAsync(await viewer.PostAsync("/api/detect", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_too_long_url_is_a_414_problem()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        await AssertProblemAsync(await viewer.GetAsync("/api/violations?x=" + new string('a', 10_000)), HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task Too_large_headers_are_a_431_problem()
    {
        using var viewer = _factory.CreateClient(TestKeys.Viewer);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cameras");
        for (var i = 0; i < 8; i++) request.Headers.Add($"X-Filler-{i}", new string('b', 5_000));
        await AssertProblemAsync(await viewer.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge);
    }
}
