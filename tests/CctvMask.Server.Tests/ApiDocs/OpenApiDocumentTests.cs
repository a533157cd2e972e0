using System.Text.Json.Nodes;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.ApiDocs;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteServerFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = fixture.Factory.CreateClient(apiKey: null);
        return await (await client.GetAsync("/openapi/v1.json")).ReadNodeAsync();
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var method in Methods)
                if (item![method] is JsonObject operation)
                    yield return ($"{method.ToUpperInvariant()} {path}", operation);
    }

    [Fact]
    public async Task Every_operation_has_a_summary()
    {
        var operations = Operations(await DocumentAsync()).ToList();
        Assert.True(operations.Count >= 10, $"only {operations.Count} operations in the document");
        var without = operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"])).Select(o => o.Name).ToList();
        Assert.True(without.Count == 0, "Operations without a summary: " + string.Join(", ", without));
    }

    [Fact]
    public async Task The_key_header_and_bearer_schemes_are_declared_and_applied_with_their_error_answers()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", (string?)schemes["ApiKey"]!["type"]);
        Assert.Equal("X-Api-Key", (string?)schemes["ApiKey"]!["name"]);
        Assert.Equal("header", (string?)schemes["ApiKey"]!["in"]);
        Assert.Equal("http", (string?)schemes["Bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["Bearer"]!["scheme"]);

        foreach (var (name, operation) in Operations(document).Where(o => o.Name.Contains(" /api/", StringComparison.Ordinal)))
        {
            var security = operation["security"]?.AsArray().Select(r => r!.AsObject().Select(p => p.Key).Single()).ToList() ?? [];
            Assert.True(security.Contains("ApiKey") && security.Contains("Bearer"), $"{name} does not apply the key schemes");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401"), $"{name} does not document 401");
            Assert.True(responses.ContainsKey("429"), $"{name} does not document 429");
        }

        // Admin operations also answer 403 to a viewer key; reads do not.
        var paths = document["paths"]!;
        Assert.NotNull(paths["/api/cameras"]!["post"]!["responses"]!["403"]);
        Assert.NotNull(paths["/api/cameras/{id}"]!["delete"]!["responses"]!["403"]);
        Assert.Null(paths["/api/cameras"]!["get"]!["responses"]!["403"]);
    }
}
