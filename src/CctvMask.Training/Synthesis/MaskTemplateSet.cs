using System.Drawing;
using System.Globalization;

namespace CctvMask.Training.Synthesis;

/// <summary>
/// Parses MaskTheFace's masks.cfg (INI-like: <c>[name]</c>, <c>template: masks/templates/X.png</c>,
/// <c>mask_a: x, y</c> … <c>mask_f</c>); template paths resolve to <c>&lt;dir&gt;/templates/X.png</c>.
/// </summary>
public sealed class MaskTemplateSet
{
    private static readonly string[] AnchorKeys = ["mask_a", "mask_b", "mask_c", "mask_d", "mask_e", "mask_f"];

    private MaskTemplateSet(IReadOnlyList<MaskTemplate> templates) => Templates = templates;

    public IReadOnlyList<MaskTemplate> Templates { get; }

    public IReadOnlyList<string> Families => [.. Templates.Select(t => t.Family).Distinct().Order(StringComparer.Ordinal)];

    public MaskTemplate? Find(string family, MaskView view) =>
        Templates.FirstOrDefault(t => t.Family == family && t.View == view);

    public static MaskTemplateSet Load(string masksDir)
    {
        var cfg = Path.Combine(masksDir, "masks.cfg");
        if (!File.Exists(cfg)) throw new FileNotFoundException($"masks.cfg not found in {masksDir}", cfg);
        var templates = new List<MaskTemplate>();
        string? section = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNumber = 0;
        void Flush()
        {
            // MaskTheFace's cfg also lists placeholder sections (empty, inpaint) without a template.
            if (section is null || !values.ContainsKey("template")) return;
            templates.Add(Build(section, values, masksDir, cfg));
            values.Clear();
        }
        foreach (var raw in File.ReadLines(cfg))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Flush();
                section = line[1..^1].Trim();
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon < 0 || section is null)
                throw new InvalidDataException($"{cfg}:{lineNumber}: expected '[section]' or 'key: value', got '{line}'");
            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        Flush();
        if (templates.Count == 0) throw new InvalidDataException($"{cfg} defines no templates.");
        return new MaskTemplateSet(templates);
    }

    private static MaskTemplate Build(string name, Dictionary<string, string> values, string dir, string cfg)
    {
        var relative = values["template"];
        var path = Path.Combine(dir, "templates", Path.GetFileName(relative));
        if (!File.Exists(path)) throw new FileNotFoundException($"{cfg}: [{name}] template not found: {path}", path);
        var anchors = new PointF[AnchorKeys.Length];
        for (int i = 0; i < AnchorKeys.Length; i++)
        {
            if (!values.TryGetValue(AnchorKeys[i], out var text))
                throw new InvalidDataException($"{cfg}: [{name}] has no '{AnchorKeys[i]}'.");
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                throw new InvalidDataException($"{cfg}: [{name}] {AnchorKeys[i]} = '{text}' is not 'x, y'.");
            anchors[i] = new PointF(x, y);
        }
        var (family, view) = name.EndsWith("_left", StringComparison.Ordinal) ? (name[..^5], MaskView.Left)
            : name.EndsWith("_right", StringComparison.Ordinal) ? (name[..^6], MaskView.Right)
            : (name, MaskView.Front);
        return new MaskTemplate(name, family, view, path, anchors);
    }
}
