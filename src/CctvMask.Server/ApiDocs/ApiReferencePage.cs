using System.Text;
using System.Text.Json.Nodes;
using static CctvMask.Server.ApiDocs.Html;

namespace CctvMask.Server.ApiDocs;

/// <summary>
/// The API reference as one server-rendered HTML page, built from the OpenAPI document: operations grouped by tag,
/// each with its summary, auth, parameters, body, responses and a curl example; the schemas at the end. Plain HTML
/// and CSS with system fonts: nothing to execute and nothing fetched, so it reads as soon as it arrives (Scalar's
/// page spends about a second of CPU in its 1.4 MB bundle before the first operation shows on a 2-core box, even
/// warm). Scalar stays as the interactive console, linked from here. Pure: document in, page out.
/// </summary>
public static class ApiReferencePage
{
    public static string Render(JsonNode document, string consolePath, string documentPath)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        var operations = ApiReferenceOperation.All(document).ToList();
        var tags = (document["tags"]?.AsArray().Select(t => (string?)t?["name"]) ?? [])
            .Concat(operations.Select(o => o.Tag))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var html = new StringBuilder(128 * 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>CctvMask API reference</title><style>").Append(Style).Append("</style></head><body>");

        html.Append("<nav class=\"toc\" aria-label=\"Operations\"><p class=\"brand\">CctvMask API</p><ul>");
        foreach (var tag in tags)
        {
            html.Append("<li><a class=\"tag-link\" href=\"#tag-").Append(Id(tag)).Append("\">").Append(E(tag)).Append("</a><ul>");
            foreach (var op in operations.Where(o => o.Tag == tag))
                html.Append("<li><a href=\"#").Append(op.Anchor).Append("\"><span class=\"m m-").Append(op.Method).Append("\">")
                    .Append(op.Method.ToUpperInvariant()).Append("</span> ").Append(E(op.Summary ?? op.Path)).Append("</a></li>");
            html.Append("</ul></li>");
        }
        if (schemas is { Count: > 0 }) html.Append("<li><a class=\"tag-link\" href=\"#schemas\">Schemas</a></li>");
        html.Append("</ul></nav><main>");

        html.Append("<header><h1>CctvMask API reference</h1><p>")
            .Append(E((string?)document["info"]?["title"] ?? "")).Append(' ').Append(E((string?)document["info"]?["version"] ?? ""))
            .Append(" · <a href=\"").Append(E(consolePath)).Append("\" data-testid=\"console-link\">Try it in the interactive console (Scalar)</a>")
            .Append(" · <a href=\"").Append(E(documentPath)).Append("\">OpenAPI document (JSON)</a></p></header>");
        AppendAuthentication(html, document);

        foreach (var tag in tags)
        {
            html.Append("<section class=\"tag\" id=\"tag-").Append(Id(tag)).Append("\"><h2>").Append(E(tag)).Append("</h2>");
            foreach (var op in operations.Where(o => o.Tag == tag)) op.AppendTo(html, schemas);
            html.Append("</section>");
        }
        if (schemas is { Count: > 0 }) ApiReferenceSchemas.AppendTo(html, schemas);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void AppendAuthentication(StringBuilder html, JsonNode document)
    {
        html.Append("<section class=\"auth\" id=\"authentication\"><h2>Authentication</h2>")
            .Append("<p>Every <code>/api/</code> operation needs a key, sent one of these ways:</p><ul>");
        foreach (var (name, scheme) in document["components"]?["securitySchemes"]?.AsObject() ?? [])
        {
            var how = (string?)scheme?["type"] switch
            {
                "apiKey" => $"header <code>{E((string?)scheme!["name"] ?? "")}: KEY</code>",
                "http" => $"header <code>Authorization: {E(Capitalised((string?)scheme!["scheme"] ?? ""))} KEY</code>",
                var other => E(other ?? ""),
            };
            html.Append("<li data-testid=\"scheme\"><strong>").Append(E(name)).Append("</strong>: ").Append(how)
                .Append(" — ").Append(E((string?)scheme?["description"] ?? "")).Append("</li>");
        }
        html.Append("</ul><p>Reads accept the viewer or the admin key; operations marked <em>admin key</em> answer 403 to a viewer key. ")
            .Append("A missing or wrong key answers 401; too many wrong keys from one address answer 429 with Retry-After. ")
            .Append("Errors are ProblemDetails (<code>application/problem+json</code>).</p>")
            .Append("<p>The examples read the server's address and your key from the shell:</p>")
            .Append("<pre><code>export CCTVMASK_URL=http://127.0.0.1:5080\nexport CCTVMASK_KEY=…   # e.g. the generated admin key in data/admin.key</code></pre></section>");
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // System fonts only (no web font to fetch), light and dark from the reader's preference.
    private const string Style = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1d2327;--muted:#5f6b76;--line:#dde3e8;--code:#f3f5f7;--accent:#2c5fb8}
        @media (prefers-color-scheme:dark){:root{--bg:#14171a;--fg:#e6e9ec;--muted:#9aa5b0;--line:#2d3439;--code:#1f2429;--accent:#7fa9f0}}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;display:flex}
        a{color:var(--accent)}code,pre{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
        pre{background:var(--code);padding:8px 10px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        .toc{position:sticky;top:0;height:100vh;overflow-y:auto;width:300px;flex:none;border-right:1px solid var(--line);padding:12px;font-size:13px}
        .toc ul{list-style:none;margin:0;padding:0}.toc ul ul{margin:2px 0 10px 4px}.toc a{text-decoration:none;color:var(--fg);display:block;padding:1px 0}
        .toc .tag-link{font-weight:600;margin-top:6px}.brand{font-weight:700;font-size:16px;margin:0 0 8px}
        main{flex:1;min-width:0;padding:16px 28px;max-width:1100px}h1{margin:0 0 4px;font-size:26px}h2{border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}
        .op{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:14px 0}.op h3{margin:0;font-size:17px}
        .route{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:14px;margin:4px 0;word-break:break-all}
        .m{display:inline-block;min-width:54px;text-align:center;border-radius:4px;padding:0 4px;font:600 12px/20px ui-monospace,monospace;color:#fff;background:#6b7785}
        .m-get{background:#2e7d32}.m-post{background:#1565c0}.m-put{background:#b26a00}.m-delete{background:#c62828}.m-patch{background:#6a1b9a}
        .auth-line{color:var(--muted);font-size:13px}table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 8px}
        th,td{text-align:left;border-bottom:1px solid var(--line);padding:3px 6px;vertical-align:top}th{color:var(--muted);font-weight:600}
        h4{margin:10px 0 2px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}.req{color:#c62828}
        @media (max-width:800px){body{display:block}.toc{position:static;height:auto;width:auto;border-right:0;border-bottom:1px solid var(--line)}main{padding:12px}}
        """;
}
