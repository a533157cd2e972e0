using CctvMask.Deployment.Tests.Rendering;
using YamlDotNet.Serialization;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>The chart README's values table documents every value in values.yaml.</summary>
public sealed class ChartReadmeTests
{
    [Fact]
    public void Every_value_is_in_the_readme_table()
    {
        var values = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(HelmRenderer.ChartDir, "values.yaml")));
        var readme = File.ReadAllText(Path.Combine(HelmRenderer.ChartDir, "README.md"));
        var leaves = Leaves(values, "").ToList();

        // A row may document a whole block (e.g. `resources`), so any prefix of the path counts.
        var missing = leaves.Where(path => !Prefixes(path).Any(p => readme.Contains($"`{p}`", StringComparison.Ordinal))).ToList();

        Assert.True(leaves.Count > 40, $"only {leaves.Count} values found");
        Assert.True(missing.Count == 0, "undocumented values: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> Leaves(Dictionary<object, object> map, string prefix)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? (string)key : $"{prefix}.{key}";
            if (value is Dictionary<object, object> { Count: > 0 } child)
            {
                foreach (var leaf in Leaves(child, path))
                    yield return leaf;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var end = path.Length; end > 0; end = path.LastIndexOf('.', end - 1))
            yield return path[..end];
    }
}
