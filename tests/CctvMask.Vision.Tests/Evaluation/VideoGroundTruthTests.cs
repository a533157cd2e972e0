using CctvMask.Testing;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Vision.Tests.Evaluation;

public sealed class VideoGroundTruthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-vgt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Valid = """
        { "width": 64, "height": 48, "fps": 5, "frames": 10, "segments": [
          { "first_frame": 0, "last_frame": 3, "faces": [
            { "label": "with_mask", "box": [1, 2, 11, 14] },
            { "label": "mask_weared_incorrect", "box": [20, 20, 30, 30] } ] },
          { "first_frame": 6, "last_frame": 9, "faces": [ { "label": "without_mask", "box": [5, 5, 9, 9] } ] } ] }
        """;

    [Fact]
    public void FramesGetTheirSegmentsFaces()
    {
        var truth = VideoGroundTruth.Read(Write(Valid));
        Assert.Equal((64, 48, 5.0, 10), (truth.Width, truth.Height, truth.Fps, truth.Frames));
        Assert.Equal(2, truth.FacesAt(0).Count);
        Assert.Equal(2, truth.FacesAt(3).Count);
        Assert.Empty(truth.FacesAt(4));
        Assert.Empty(truth.FacesAt(5));
        var face = Assert.Single(truth.FacesAt(9));
        Assert.Equal(GroundTruthClass.WithoutMask, face.Class);
        var first = truth.FacesAt(1)[0];
        Assert.Equal((1f, 2f, 10f, 12f), (first.Box.X, first.Box.Y, first.Box.Width, first.Box.Height));
        Assert.False(truth.FacesAt(1)[1].IsTarget);
        Assert.Empty(truth.FacesAt(10));
    }

    [Fact]
    public void SharedCrowdClipReads()
    {
        var truth = VideoGroundTruth.Read(TestEnvironment.Shared("videos", "crowd_640x360_10fps.groundtruth.json"));
        Assert.Equal((640, 360, 160), (truth.Width, truth.Height, truth.Frames));
        Assert.NotEmpty(truth.FacesAt(0));
    }

    [Theory]
    [InlineData("not json", "not a video ground-truth file")]
    [InlineData("""{ "width": 64, "height": 48, "fps": 5 }""", "not a video ground-truth file")]
    [InlineData("""{ "width": 0, "height": 48, "fps": 5, "frames": 1, "segments": [] }""", "must be positive")]
    [InlineData("""{ "width": 9, "height": 9, "fps": 5, "frames": 1, "segments": [ { "first_frame": 3, "last_frame": 1, "faces": [] } ] }""", "not a valid range")]
    [InlineData("""{ "width": 9, "height": 9, "fps": 5, "frames": 1, "segments": [ { "first_frame": 0, "last_frame": 1, "faces": [ { "label": "hat", "box": [0,0,1,1] } ] } ] }""", "unknown class 'hat'")]
    [InlineData("""{ "width": 9, "height": 9, "fps": 5, "frames": 1, "segments": [ { "first_frame": 0, "last_frame": 1, "faces": [ { "label": "with_mask", "box": [0,0,1] } ] } ] }""", "[x1, y1, x2, y2]")]
    [InlineData("""{ "width": 9, "height": 9, "fps": 5, "frames": 1, "segments": [ { "first_frame": 0, "last_frame": 1, "faces": [ { "label": "with_mask", "box": [5,5,1,1] } ] } ] }""", "negative size")]
    public void BadFilesAreVocFormatExceptionsNamingTheProblem(string json, string fragment)
    {
        var path = Write(json);
        var ex = Assert.Throws<VocFormatException>(() => VideoGroundTruth.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void MissingFileIsVocFormatException()
    {
        var ex = Assert.Throws<VocFormatException>(() => VideoGroundTruth.Read(Path.Combine(_dir, "none.json")));
        Assert.Contains("cannot read", ex.Message);
    }
}
