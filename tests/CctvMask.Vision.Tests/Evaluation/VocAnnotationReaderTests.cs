using CctvMask.Vision.Evaluation;

namespace CctvMask.Vision.Tests.Evaluation;

public sealed class VocAnnotationReaderTests
{
    private const string Xml = """
        <annotation><filename>a.png</filename><size><width>400</width><height>156</height><depth>3</depth></size>
          <object><name>with_mask</name><bndbox><xmin>321</xmin><ymin>34</ymin><xmax>354</xmax><ymax>69</ymax></bndbox></object>
          <object><name>mask_weared_incorrect</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>11</xmax><ymax>22</ymax></bndbox></object>
        </annotation>
        """;

    [Fact]
    public void Parse_ReadsSizeBoxesAndClasses()
    {
        var voc = VocAnnotationReader.Parse(Xml, "a.xml");

        Assert.Equal(("a.png", 400, 156), (voc.FileName, voc.Width, voc.Height));
        Assert.Equal(2, voc.Faces.Count);
        Assert.Equal(GroundTruthClass.WithMask, voc.Faces[0].Class);
        Assert.Equal((321f, 34f, 33f, 35f), (voc.Faces[0].Box.X, voc.Faces[0].Box.Y, voc.Faces[0].Box.Width, voc.Faces[0].Box.Height));
        Assert.False(voc.Faces[1].IsTarget);
    }

    [Theory]
    [InlineData("<annotation><object><name>dog</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>", "unknown class 'dog'")]
    [InlineData("<annotation><object><name>with_mask</name><bndbox><xmin>1</xmin></bndbox></object></annotation>", "ymin")]
    [InlineData("<annotation><object>", "not valid XML")]
    [InlineData("<root/>", "not a PASCAL VOC annotation")]
    public void Parse_BadInput_NamesFileAndProblem(string xml, string expected)
    {
        var ex = Assert.Throws<VocFormatException>(() => VocAnnotationReader.Parse(xml, "bad.xml"));
        Assert.StartsWith("bad.xml: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }
}
