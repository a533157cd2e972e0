namespace CctvMask.Dashboard.Media;

/// <summary>Small SVG images (320×180) shown where a frame or snapshot does not exist (yet).</summary>
internal static class Placeholder
{
    public static readonly string NoFrameYet = Svg("No analysed frame yet");

    public static readonly string NoSnapshot = Svg("No snapshot stored");

    /// <summary>A violation without a face crop: the camera's privacy mode (blurred) keeps none, or it expired.</summary>
    public static readonly string NoFaceCrop = Svg("No face crop stored");

    public static readonly string PrivacyNoImages = Svg("No images: privacy mode");

    private static string Svg(string text) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180"><rect width="320" height="180" fill="#263238"/><text x="160" y="95" fill="#eceff1" font-family="sans-serif" font-size="16" text-anchor="middle">{text}</text></svg>""";
}
