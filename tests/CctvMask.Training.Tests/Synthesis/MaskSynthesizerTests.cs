using CctvMask.Testing;
using CctvMask.Training.Data;
using CctvMask.Training.Synthesis;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Tests.Synthesis;

public sealed class MaskSynthesizerTests
{
    [Fact]
    public void MaskCoversMouthAndLeavesEyesAlone()
    {
        using var detector = TrainingFixtures.CreateDetector();
        var locator = new FaceLocator(TrainingFixtures.Finder(detector));
        var synth = new MaskSynthesizer(MaskTemplateSet.Load(TestEnvironment.Shared("masks")), new SynthOptions());
        int checkedFaces = 0;
        foreach (var file in TrainingFixtures.MaskCrops("without_mask", 12))
        {
            using var image = ImageCodec.DecodeFile(file);
            if (locator.LocateFace(image.AsFrame()) is not { } found || found.Padded) continue;
            using var masked = BgrImage.CopyFrom(image.AsFrame());
            var template = synth.Apply(masked, found.Face.Landmarks, new Random(1));
            if (template is null) continue;

            var lm = found.Face.Landmarks;
            float iod = MathF.Abs(lm.LeftEye.X - lm.RightEye.X);
            int r = Math.Max(2, (int)(iod * 0.12f));
            var mouth = new System.Drawing.PointF((lm.LeftMouth.X + lm.RightMouth.X) / 2, (lm.LeftMouth.Y + lm.RightMouth.Y) / 2);
            Assert.True(MeanAbsDiff(image, masked, mouth, r) > 10, $"{Path.GetFileName(file)}: mouth unchanged by {template}");
            Assert.True(MeanAbsDiff(image, masked, lm.RightEye, r) < 3, $"{Path.GetFileName(file)}: right eye covered by {template}");
            Assert.True(MeanAbsDiff(image, masked, lm.LeftEye, r) < 3, $"{Path.GetFileName(file)}: left eye covered by {template}");
            checkedFaces++;
        }
        Assert.True(checkedFaces >= 3, $"only {checkedFaces} faces were checked");
    }

    [Fact]
    public void RunWritesNamedOutputsAndAContactSheet()
    {
        var faces = Directory.CreateTempSubdirectory("cctvmask-synth-in-").FullName;
        var output = Directory.CreateTempSubdirectory("cctvmask-synth-out-").FullName;
        try
        {
            foreach (var f in TrainingFixtures.MaskCrops("without_mask", 4))
                File.CreateSymbolicLink(Path.Combine(faces, Path.GetFileName(f)), f);
            using var detector = TrainingFixtures.CreateDetector();
            var options = new SynthOptions { FacesDir = faces, MasksDir = TestEnvironment.Shared("masks"), OutDir = output, PerFace = 2 };

            var result = new MaskSynthesisRun(options, TrainingFixtures.Finder(detector)).Run();

            var written = Directory.GetFiles(Path.Combine(output, "with_mask"));
            Assert.Equal(result.Written, written.Length);
            Assert.Equal(4, result.Faces);
            Assert.True(result.Written >= 2);
            Assert.All(written, f => Assert.Matches("^synth-[0-9a-f]{16}-[01]\\.jpg$", Path.GetFileName(f)));
            Assert.NotNull(result.ContactSheetPath);
            using var sheet = ImageCodec.DecodeFile(result.ContactSheetPath!);
            Assert.True(sheet.Width >= 128);
        }
        finally
        {
            Directory.Delete(faces, true);
            Directory.Delete(output, true);
        }
    }

    internal static double MeanAbsDiff(BgrImage a, BgrImage b, System.Drawing.PointF centre, int radius)
    {
        double sum = 0;
        int n = 0;
        for (int y = (int)centre.Y - radius; y <= (int)centre.Y + radius; y++)
            for (int x = (int)centre.X - radius; x <= (int)centre.X + radius; x++)
            {
                if (x < 0 || y < 0 || x >= a.Width || y >= a.Height) continue;
                for (int c = 0; c < 3; c++)
                {
                    int o = y * a.Stride + x * 3 + c;
                    sum += Math.Abs(a.Pixels[o] - b.Pixels[o]);
                    n++;
                }
            }
        return n == 0 ? 0 : sum / n;
    }
}
