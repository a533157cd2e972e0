using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Evaluation;

/// <summary>Reads PASCAL VOC XML (face-mask classes) into <see cref="VocAnnotation"/>.</summary>
public static class VocAnnotationReader
{
    /// <summary>Reads an annotation file.</summary>
    /// <exception cref="VocFormatException">Unreadable or malformed file, unknown class name.</exception>
    public static VocAnnotation Read(string path)
    {
        string xml;
        try
        {
            xml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VocFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
        return Parse(xml, path);
    }

    /// <summary>Parses annotation XML; <paramref name="source"/> names it in error messages.</summary>
    public static VocAnnotation Parse(string xml, string source)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml);
        }
        catch (XmlException ex)
        {
            throw new VocFormatException($"{source}: not valid XML ({ex.Message})", ex);
        }
        var root = doc.Root;
        if (root is null || root.Name.LocalName != "annotation")
            throw new VocFormatException($"{source}: not a PASCAL VOC annotation (root element is not <annotation>)");

        string fileName = (string?)root.Element("filename") ?? string.Empty;
        var size = root.Element("size");
        int width = size is null ? 0 : ReadInt(size, "width", source);
        int height = size is null ? 0 : ReadInt(size, "height", source);

        var faces = new List<GroundTruthFace>();
        foreach (var obj in root.Elements("object"))
        {
            string name = ((string?)obj.Element("name") ?? string.Empty).Trim();
            var cls = ParseClass(name)
                ?? throw new VocFormatException($"{source}: unknown class '{name}' (expected with_mask, without_mask, mask_weared_incorrect)");
            var bnd = obj.Element("bndbox") ?? throw new VocFormatException($"{source}: <object> without <bndbox>");
            float xmin = ReadFloat(bnd, "xmin", source), ymin = ReadFloat(bnd, "ymin", source);
            float xmax = ReadFloat(bnd, "xmax", source), ymax = ReadFloat(bnd, "ymax", source);
            if (xmax < xmin || ymax < ymin)
                throw new VocFormatException($"{source}: box ({xmin},{ymin})-({xmax},{ymax}) has negative size");
            // Corners as continuous coordinates (no VOC "+1"), the same convention as the detector's boxes.
            faces.Add(new GroundTruthFace(BoxF.FromCorners(xmin, ymin, xmax, ymax), cls));
        }
        return new VocAnnotation(fileName, width, height, faces);
    }

    /// <summary>Maps a VOC class name to its class; null for an unknown name.</summary>
    public static GroundTruthClass? ParseClass(string name) => name switch
    {
        "with_mask" => GroundTruthClass.WithMask,
        "without_mask" => GroundTruthClass.WithoutMask,
        "mask_weared_incorrect" => GroundTruthClass.Incorrect,
        _ => null,
    };

    private static int ReadInt(XElement parent, string name, string source) =>
        (int)MathF.Round(ReadFloat(parent, name, source));

    private static float ReadFloat(XElement parent, string name, string source)
    {
        string? text = (string?)parent.Element(name);
        if (text is null || !float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
            throw new VocFormatException($"{source}: <{parent.Name.LocalName}>/<{name}> is missing or not a number");
        return value;
    }
}
