using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CctvMask.Server.ApiDocs;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.ApiDocs;

/// <summary>
/// What the server does for /scalar's load time: the OpenAPI document built once and compressed, the Scalar
/// bundle under a versioned URL the browser keeps as immutable; the rest of the API stays uncompressed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiDocsDeliveryTests(SqliteServerFixture fixture)
{
    [Fact]
    public async Task The_document_is_served_from_the_cache_after_the_first_build_and_compressed_when_asked()
    {
        using var client = fixture.Factory.CreateClient(apiKey: null);
        using var first = await GetAsync(client, "/openapi/v1.json", "gzip");
        using var second = await GetAsync(client, "/openapi/v1.json", "gzip");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // The output cache marks what it served from memory with Age; a rebuilt document has none.
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("gzip", Assert.Single(second.Content.Headers.ContentEncoding));
        await using var unzipped = new GZipStream(await second.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var document = await JsonNode.ParseAsync(unzipped);
        Assert.NotNull(document!["paths"]!["/api/cameras"]);

        using var brotli = await GetAsync(client, "/openapi/v1.json", "br");
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task The_scalar_bundle_has_a_versioned_url_and_is_cached_as_immutable()
    {
        using var client = fixture.Factory.CreateClient(apiKey: null);
        var page = await client.GetStringAsync("/scalar/");
        var src = BundleSource().Match(page);
        Assert.True(src.Success, "no versioned scalar.js in the page: " + page);
        Assert.Equal(ApiDocsExtensions.BundleVersion, src.Groups["v"].Value);

        using var bundle = await GetAsync(client, "/scalar/" + src.Value, "gzip");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var cache = bundle.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(ApiDocsExtensions.BundleCacheDuration, cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");

        // The unversioned name (an older page) is revalidated as before, never pinned.
        using var plain = await GetAsync(client, "/scalar/" + ApiDocsExtensions.BundleFile, "gzip");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.DoesNotContain(plain.Headers.CacheControl?.Extensions ?? [], e => e.Name == "immutable");
    }

    [Fact]
    public async Task Api_answers_are_not_compressed_even_when_the_client_asks()
    {
        using var client = fixture.Factory.CreateClient(TestKeys.Viewer);
        using var cameras = await GetAsync(client, "/api/cameras", "gzip, br");
        Assert.Equal(HttpStatusCode.OK, cameras.StatusCode);
        Assert.Empty(cameras.Content.Headers.ContentEncoding);
        Assert.Null(cameras.Headers.Age);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return client.SendAsync(request);
    }

    [GeneratedRegex("""scalar\.js\?v=(?<v>[0-9.]+)""")]
    private static partial Regex BundleSource();
}
