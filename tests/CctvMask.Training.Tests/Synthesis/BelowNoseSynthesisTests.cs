using System.Drawing;
using CctvMask.Testing;
using CctvMask.Training.Data;
using CctvMask.Training.Synthesis;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Tests.Synthesis;

/// <summary><c>cctvmask synth --below-nose</c>: the mask_incorrect class (nose showing, mask on the mouth or chin).</summary>
public sealed class BelowNoseSynthesisTests
{
    [Fact]
    public void The_nose_bridge_stays_visible_and_the_chin_is_covered()
    {
        using var detector = TrainingFixtures.CreateDetector();
        var locator = new FaceLocator(TrainingFixtures.Finder(detector));
        var synth = new MaskSynthesizer(MaskTemplateSet.Load(TestEnvironment.Shared("masks")), new SynthOptions { BelowNose = true });
        int checkedFaces = 0;
        foreach (var file in TrainingFixtures.MaskCrops("without_mask", 12))
        {
            using var image = ImageCodec.DecodeFile(file);
            if (locator.LocateFace(image.AsFrame()) is not { } found || found.Padded) continue;
            using var masked = BgrImage.CopyFrom(image.AsFrame());
            var template = synth.Apply(masked, found.Face.Landmarks, new Random(3));
            if (template is null) continue;

            var lm = found.Face.Landmarks;
            var eyes = Mid(lm.RightEye, lm.LeftEye);
            var mouth = Mid(lm.RightMouth, lm.LeftMouth);
            int r = Math.Max(2, (int)(MathF.Abs(lm.LeftEye.X - lm.RightEye.X) * 0.1f));
            // Halfway from the eyes to the nose tip: under a properly worn mask (bridge at 28 %), bare here.
            var bridge = Lerp(eyes, lm.Nose, 0.5f);
            var chin = Lerp(eyes, mouth, 1.3f);
            Assert.True(MaskSynthesizerTests.MeanAbsDiff(image, masked, bridge, r) < 3, $"{Path.GetFileName(file)}: nose bridge covered by {template}");
            Assert.True(MaskSynthesizerTests.MeanAbsDiff(image, masked, chin, r) > 10, $"{Path.GetFileName(file)}: chin unchanged by {template}");
            checkedFaces++;
        }
        Assert.True(checkedFaces >= 3, $"only {checkedFaces} faces were checked");
    }

    [Fact]
    public void The_run_writes_to_mask_incorrect()
    {
        var faces = Directory.CreateTempSubdirectory("cctvmask-synth-low-in-").FullName;
        var output = Directory.CreateTempSubdirectory("cctvmask-synth-low-out-").FullName;
        try
        {
            foreach (var f in TrainingFixtures.MaskCrops("without_mask", 3))
                File.CreateSymbolicLink(Path.Combine(faces, Path.GetFileName(f)), f);
            using var detector = TrainingFixtures.CreateDetector();
            var options = new SynthOptions { FacesDir = faces, MasksDir = TestEnvironment.Shared("masks"), OutDir = output, BelowNose = true, ContactSheetSamples = 0 };

            var result = new MaskSynthesisRun(options, TrainingFixtures.Finder(detector)).Run();

            Assert.Equal(Path.Combine(output, "mask_incorrect"), result.OutputDir);
            Assert.True(result.Written >= 1);
            Assert.Equal(result.Written, Directory.GetFiles(Path.Combine(output, "mask_incorrect")).Length);
            Assert.False(Directory.Exists(Path.Combine(output, "with_mask")));
        }
        finally
        {
            Directory.Delete(faces, recursive: true);
            Directory.Delete(output, recursive: true);
        }
    }

    private static PointF Mid(PointF a, PointF b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static PointF Lerp(PointF a, PointF b, float t) => new(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
}
