using CctvMask.Testing;
using CctvMask.Training.Synthesis;

namespace CctvMask.Training.Tests.Synthesis;

public sealed class MaskTemplateSetTests
{
    [Fact]
    public void SharedConfigLoadsEveryTemplateWithSixAnchorsAndSkipsPlaceholders()
    {
        var set = MaskTemplateSet.Load(TestEnvironment.Shared("masks"));
        var pngs = Directory.GetFiles(TestEnvironment.Shared("masks", "templates"), "*.png").Length;

        Assert.Equal(pngs, set.Templates.Count);
        Assert.All(set.Templates, t =>
        {
            Assert.Equal(MaskTemplate.AnchorCount, t.Anchors.Count);
            Assert.True(File.Exists(t.ImagePath));
        });
        Assert.DoesNotContain(set.Templates, t => t.Family is "empty" or "inpaint");
        Assert.Equal(MaskView.Left, set.Find("surgical", MaskView.Left)!.View);
        Assert.Equal("surgical_left", set.Find("surgical", MaskView.Left)!.Name);
    }

    [Fact]
    public void MalformedAnchorIsReportedWithFileAndSection()
    {
        var dir = Directory.CreateTempSubdirectory("cctvmask-masks-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllBytes(Path.Combine(dir, "templates", "x.png"), [1]);
            File.WriteAllText(Path.Combine(dir, "masks.cfg"),
                "[x]\ntemplate: masks/templates/x.png\nmask_a: 1, 2\nmask_b: oops\nmask_c: 1,1\nmask_d: 1,1\nmask_e: 1,1\nmask_f: 1,1\n");
            var ex = Assert.Throws<InvalidDataException>(() => MaskTemplateSet.Load(dir));
            Assert.Contains("[x]", ex.Message);
            Assert.Contains("mask_b", ex.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
