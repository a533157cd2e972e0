using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CctvMask.Server.ApiDocs;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.ApiDocs;

/// <summary>
/// /api-docs, the server-rendered reference: every tag and operation of the OpenAPI document with its summary, auth
/// and a curl example carrying the key header; the key schemes; nothing loaded from elsewhere; cached and compressed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiReferencePageTests(SqliteServerFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<(string Page, JsonNode Document)> LoadAsync()
    {
        using var client = fixture.Factory.CreateClient(apiKey: null);
        using var response = await client.GetAsync(ApiDocsExtensions.ReferencePagePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadNodeAsync();
        return (page, document);
    }

    [Fact]
    public async Task Every_tag_and_operation_of_the_document_is_on_the_page_with_its_summary_auth_and_a_curl_example()
    {
        var (page, document) = await LoadAsync();
        var tags = document["tags"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.True(tags.Count >= 5, $"only {tags.Count} tags in the document");
        foreach (var tag in tags) Assert.Contains($"<h2>{WebUtility.HtmlEncode(tag)}</h2>", page);

        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation) continue;
                operations++;
                var article = Article(page, method, path);
                Assert.Contains($"<h3>{WebUtility.HtmlEncode((string)operation["summary"]!)}</h3>", article);
                Assert.Contains(WebUtility.HtmlEncode(path), article);
                // The curl example sends the key the way the security scheme says, to this operation's path.
                Assert.Contains(WebUtility.HtmlEncode($"-H \"X-Api-Key: $CCTVMASK_KEY\""), article);
                Assert.Contains(WebUtility.HtmlEncode($"\"$CCTVMASK_URL{path}\""), article);
                if (method != "get") Assert.Contains($"-X {method.ToUpperInvariant()}", article);
                // The auth answers the document declares are listed, and the role it needs.
                foreach (var code in operation["responses"]!.AsObject().Select(r => r.Key))
                    Assert.Contains($"<td><code>{code}</code></td>", article);
                var admin = operation["responses"]!["403"] is not null;
                Assert.Contains(admin ? "Admin key" : "Viewer or admin key", article);
            }
        Assert.True(operations >= 20, $"only {operations} operations in the document");
    }

    [Fact]
    public async Task The_key_schemes_and_the_console_are_shown_and_nothing_is_loaded_from_elsewhere()
    {
        var (page, _) = await LoadAsync();
        Assert.Contains("X-Api-Key: KEY", page);
        Assert.Contains("Authorization: Bearer KEY", page);
        Assert.Contains($"href=\"{ApiDocsExtensions.ReferencePath}\"", page);
        // Plain HTML: no script, no external stylesheet, font or image; every link stays on this server.
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", page, StringComparison.Ordinal);
        var external = Attributes().Matches(page).Select(m => m.Groups["v"].Value).Where(v => !v.StartsWith('#') && !v.StartsWith('/')).ToList();
        Assert.True(external.Count == 0, "links or sources off this server: " + string.Join(", ", external));
    }

    [Fact]
    public async Task The_page_is_built_once_then_served_from_the_cache_and_compressed()
    {
        using var client = fixture.Factory.CreateClient(apiKey: null);
        await client.GetAsync(ApiDocsExtensions.ReferencePagePath);
        var request = new HttpRequestMessage(HttpMethod.Get, ApiDocsExtensions.ReferencePagePath);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
    }

    /// <summary>The operation's article: from its anchor to the article's end.</summary>
    private static string Article(string page, string method, string path)
    {
        var id = $"id=\"{Anchor(method, path)}\"";
        var start = page.IndexOf(id, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no article for {method.ToUpperInvariant()} {path}");
        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    // The anchor rule of the page, restated: lower-case letters and digits, one dash for any run of anything else.
    private static string Anchor(string method, string path) =>
        NonAlphanumeric().Replace($"{method} {path}".ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex("(?:href|src)=\"(?<v>[^\"]*)\"")]
    private static partial Regex Attributes();
}
