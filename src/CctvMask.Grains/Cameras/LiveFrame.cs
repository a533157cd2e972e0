namespace CctvMask.Grains.Cameras;

/// <summary>The latest annotated frame of a camera (JPEG, refreshed about once per second) for the live view.</summary>
/// <param name="CameraId">Camera id.</param>
/// <param name="CapturedAt">When the frame was captured.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="Jpeg">JPEG bytes with face boxes drawn.</param>
[GenerateSerializer, Immutable, Alias("CctvMask.LiveFrame")]
public sealed record LiveFrame(
    [property: Id(0)] string CameraId,
    [property: Id(1)] DateTimeOffset CapturedAt,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height,
    [property: Id(4)] byte[] Jpeg);
