using System.Text;
using System.Text.Json.Nodes;
using static CctvMask.Server.ApiDocs.Html;

namespace CctvMask.Server.ApiDocs;

/// <summary>Schema names and field tables of the API reference (OpenAPI 3.1 JSON schema, as ASP.NET Core writes it).</summary>
internal static class ApiReferenceSchemas
{
    private const string RefPrefix = "#/components/schemas/";

    /// <summary>A schema's type as HTML: a link for a named schema, "array of …", nullable marked with "?".</summary>
    public static string TypeOf(JsonNode? schema)
    {
        if (schema is null) return "";
        if ((string?)schema["$ref"] is { } reference && reference.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            var name = reference[RefPrefix.Length..];
            return $"<a href=\"#schema-{Id(name)}\">{E(name)}</a>";
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives)
        {
            var parts = alternatives.Where(a => (string?)a?["type"] != "null").Select(TypeOf).ToList();
            var nullable = alternatives.Any(a => (string?)a?["type"] == "null");
            return string.Join(" | ", parts) + (nullable ? "?" : "");
        }
        var (type, isNullable) = schema["type"] switch
        {
            JsonArray types => (types.Select(t => (string?)t).FirstOrDefault(t => t != "null"), types.Any(t => (string?)t == "null")),
            JsonValue value => ((string?)value, false),
            _ => (null, false),
        };
        var text = type switch
        {
            "array" => "array of " + TypeOf(schema["items"]),
            "object" when schema["additionalProperties"] is JsonObject values => "map of " + TypeOf(values),
            null => "any",
            _ => E(type),
        };
        if ((string?)schema["format"] is { } format) text += $" ({E(format)})";
        if (schema["enum"] is JsonArray options) text += ": " + E(string.Join(" | ", options.Select(o => o?.ToJsonString() ?? "null")));
        return text + (isNullable ? "?" : "");
    }

    /// <summary>The field table of an object schema (or of the named schema it refers to).</summary>
    public static void AppendFields(StringBuilder html, JsonNode? schema, JsonObject? schemas)
    {
        if ((string?)schema?["$ref"] is { } reference && reference.StartsWith(RefPrefix, StringComparison.Ordinal))
            schema = schemas?[reference[RefPrefix.Length..]];
        if (schema?["properties"] is not JsonObject properties || properties.Count == 0) return;
        var required = schema["required"]?.AsArray().Select(r => (string?)r).ToHashSet(StringComparer.Ordinal) ?? [];
        html.Append("<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>");
        foreach (var (name, property) in properties)
        {
            html.Append("<tr><td><code>").Append(E(name)).Append("</code>");
            if (required.Contains(name)) html.Append(" <span class=\"req\" title=\"required\">*</span>");
            html.Append("</td><td>").Append(TypeOf(property)).Append("</td><td>")
                .Append(E((string?)property?["description"] ?? "")).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>An example JSON body for curl: the required fields with placeholder values by type.</summary>
    public static string ExampleBody(JsonNode? schema, JsonObject? schemas)
    {
        if ((string?)schema?["$ref"] is { } reference && reference.StartsWith(RefPrefix, StringComparison.Ordinal))
            schema = schemas?[reference[RefPrefix.Length..]];
        var example = new JsonObject();
        if (schema?["properties"] is JsonObject properties)
            foreach (var name in schema["required"]?.AsArray().Select(r => (string?)r).OfType<string>() ?? [])
                example[name] = Placeholder(properties[name]);
        return example.ToJsonString();
    }

    private static JsonNode? Placeholder(JsonNode? property)
    {
        var type = property?["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue value => (string?)value,
            _ => null,
        };
        return type switch
        {
            "integer" or "number" => 0,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            _ => "…",
        };
    }

    public static void AppendTo(StringBuilder html, JsonObject schemas)
    {
        html.Append("<section class=\"tag\" id=\"schemas\"><h2>Schemas</h2>");
        foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            html.Append("<div class=\"op\" id=\"schema-").Append(Id(name)).Append("\"><h3>").Append(E(name)).Append("</h3>");
            if ((string?)schema?["description"] is { Length: > 0 } description) html.Append("<p>").Append(E(description)).Append("</p>");
            if (schema?["properties"] is JsonObject) AppendFields(html, schema, schemas);
            else html.Append("<p>").Append(TypeOf(schema)).Append("</p>");
            html.Append("</div>");
        }
        html.Append("</section>");
    }
}
