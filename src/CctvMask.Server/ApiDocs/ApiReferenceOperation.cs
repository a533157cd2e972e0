using System.Text;
using System.Text.Json.Nodes;
using static CctvMask.Server.ApiDocs.Html;

namespace CctvMask.Server.ApiDocs;

/// <summary>One operation of the API reference: its place (tag, method, path) and how it is drawn.</summary>
internal sealed record ApiReferenceOperation(string Tag, string Method, string Path, JsonObject Operation)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete", "head", "options"];

    public string? Summary => (string?)Operation["summary"];

    public string Anchor => Id($"{Method} {Path}");

    /// <summary>Every operation in the document's order; one without a tag goes under "Other".</summary>
    public static IEnumerable<ApiReferenceOperation> All(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
            foreach (var method in Methods)
                if (item?[method] is JsonObject operation)
                    yield return new ApiReferenceOperation((string?)operation["tags"]?[0] ?? "Other", method, path, operation);
    }

    public void AppendTo(StringBuilder html, JsonObject? schemas)
    {
        var responses = Operation["responses"]?.AsObject();
        html.Append("<article class=\"op\" id=\"").Append(Anchor).Append("\" data-testid=\"operation\"><h3>").Append(E(Summary ?? Path)).Append("</h3>")
            .Append("<p class=\"route\"><span class=\"m m-").Append(Method).Append("\">").Append(Method.ToUpperInvariant()).Append("</span> ")
            .Append(E(Path)).Append("</p>");
        if ((string?)Operation["description"] is { Length: > 0 } description) html.Append("<p>").Append(E(description)).Append("</p>");

        var schemes = Operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList() ?? [];
        html.Append("<p class=\"auth-line\">");
        if (schemes.Count == 0) html.Append("No key needed.");
        else html.Append(responses?.ContainsKey("403") == true ? "Admin key" : "Viewer or admin key").Append(" (")
            .Append(E(string.Join(" or ", schemes))).Append(", see <a href=\"#authentication\">Authentication</a>).");
        html.Append("</p>");

        AppendParameters(html);
        var body = BodyContent();
        if (body is { } content)
        {
            html.Append("<h4>Body</h4><p><code>").Append(E(content.Key)).Append("</code> ").Append(ApiReferenceSchemas.TypeOf(content.Value?["schema"])).Append("</p>");
            ApiReferenceSchemas.AppendFields(html, content.Value?["schema"], schemas);
        }
        if (responses is { Count: > 0 })
        {
            html.Append("<h4>Responses</h4><table><tbody>");
            foreach (var (code, response) in responses)
            {
                html.Append("<tr><td><code>").Append(E(code)).Append("</code></td><td>").Append(E((string?)response?["description"] ?? "")).Append("</td><td>");
                foreach (var (type, media) in response?["content"]?.AsObject() ?? [])
                    html.Append("<code>").Append(E(type)).Append("</code> ").Append(ApiReferenceSchemas.TypeOf(media?["schema"])).Append("<br>");
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<h4>Example</h4><pre><code>").Append(E(Curl(schemes.Count > 0, body, schemas))).Append("</code></pre></article>");
    }

    private void AppendParameters(StringBuilder html)
    {
        if (Operation["parameters"] is not JsonArray { Count: > 0 } parameters) return;
        html.Append("<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>");
        foreach (var p in parameters)
        {
            html.Append("<tr><td><code>").Append(E((string?)p?["name"] ?? "")).Append("</code>");
            if ((bool?)p?["required"] == true) html.Append(" <span class=\"req\" title=\"required\">*</span>");
            html.Append("</td><td>").Append(E((string?)p?["in"] ?? "")).Append("</td><td>").Append(ApiReferenceSchemas.TypeOf(p?["schema"]))
                .Append("</td><td>").Append(E((string?)p?["description"] ?? "")).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private KeyValuePair<string, JsonNode?>? BodyContent() =>
        Operation["requestBody"]?["content"]?.AsObject().FirstOrDefault() is { Key: not null } first ? first : null;

    /// <summary>A curl command line for this operation, with the key header and a body of the first media type.</summary>
    private string Curl(bool needsKey, KeyValuePair<string, JsonNode?>? body, JsonObject? schemas)
    {
        var curl = new StringBuilder("curl");
        if (Method != "get") curl.Append(" -X ").Append(Method.ToUpperInvariant());
        if (needsKey) curl.Append(" -H \"X-Api-Key: $CCTVMASK_KEY\"");
        if (body is { } content)
        {
            var type = content.Key;
            if (type.StartsWith("multipart/", StringComparison.Ordinal)) curl.Append(" -F \"file=@photo.jpg\"");
            else if (type.Contains("json", StringComparison.Ordinal))
                curl.Append(" -H \"Content-Type: ").Append(type).Append("\" -d '").Append(ApiReferenceSchemas.ExampleBody(content.Value?["schema"], schemas)).Append('\'');
            else curl.Append(" -H \"Content-Type: ").Append(type).Append("\" --data-binary @photo.jpg");
        }
        return curl.Append(" \"$CCTVMASK_URL").Append(Path).Append('"').ToString();
    }
}
