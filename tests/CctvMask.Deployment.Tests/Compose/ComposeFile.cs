using System.Text.RegularExpressions;
using CctvMask.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CctvMask.Deployment.Tests.Compose;

/// <summary>
/// docker-compose.yml as Compose would see it with no .env: <c>${VAR:-default}</c> takes the default,
/// <c>${VAR:?message}</c> a placeholder (Compose itself would stop with the message), YAML merge keys
/// (<c>&lt;&lt;: *server</c>) applied.
/// </summary>
public sealed partial class ComposeFile
{
    /// <summary>What a required variable stands for in the parsed file.</summary>
    public const string RequiredPlaceholder = "required-value-from-env-0123456789";

    private ComposeFile(string text, Dictionary<object, object> root)
    {
        Text = text;
        Root = root;
    }

    public static string PathInRepo => System.IO.Path.Combine(TestEnvironment.RepoRoot, "docker-compose.yml");

    /// <summary>The raw text (before interpolation).</summary>
    public string Text { get; }

    public Dictionary<object, object> Root { get; }

    public IReadOnlyDictionary<string, Dictionary<object, object>> Services =>
        Map(Root["services"]).ToDictionary(kv => (string)kv.Key, kv => Map(kv.Value));

    public static ComposeFile Load()
    {
        var text = File.ReadAllText(PathInRepo);
        var interpolated = Variable().Replace(text, m => m.Groups["op"].Value switch
        {
            ":-" or "-" => m.Groups["arg"].Value,
            ":?" or "?" => RequiredPlaceholder,
            _ => "",
        });
        var deserializer = new DeserializerBuilder().Build();
        var root = deserializer.Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(new StringReader(interpolated))));
        return new ComposeFile(text, root);
    }

    public static Dictionary<object, object> Map(object? node) =>
        Assert.IsType<Dictionary<object, object>>(node);

    public static List<object> List(object? node) => Assert.IsType<List<object>>(node);

    /// <summary>A service's environment as name → value (map or KEY=value list form).</summary>
    public static IReadOnlyDictionary<string, string> Environment(Dictionary<object, object> service)
    {
        if (!service.TryGetValue("environment", out var node) || node is null)
            return new Dictionary<string, string>();
        if (node is List<object> list)
            return list.Cast<string>().Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        return Map(node).ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString() ?? "");
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
