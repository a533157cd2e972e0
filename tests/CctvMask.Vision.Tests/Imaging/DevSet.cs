using System.Globalization;
using System.Xml.Linq;
using CctvMask.Testing;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Tests.Imaging;

/// <summary>Fixtures from ../shared/datasets/face-mask-dev (images + PASCAL VOC annotations).</summary>
internal static class DevSet
{
    public static string Image(string name) => TestEnvironment.Shared("datasets", "face-mask-dev", "images", name + ".jpg");

    public static (int Width, int Height, List<(BoxF Box, string Label)> Faces) Annotation(string name)
    {
        var doc = XDocument.Load(TestEnvironment.Shared("datasets", "face-mask-dev", "annotations", name + ".xml"));
        var size = doc.Root!.Element("size")!;
        var faces = new List<(BoxF, string)>();
        foreach (var obj in doc.Root.Elements("object"))
        {
            var bb = obj.Element("bndbox")!;
            float V(string n) => float.Parse(bb.Element(n)!.Value, CultureInfo.InvariantCulture);
            faces.Add((BoxF.FromCorners(V("xmin"), V("ymin"), V("xmax"), V("ymax")), obj.Element("name")!.Value));
        }
        return (int.Parse(size.Element("width")!.Value, CultureInfo.InvariantCulture),
            int.Parse(size.Element("height")!.Value, CultureInfo.InvariantCulture), faces);
    }
}
