namespace CctvMask.Dashboard.Media;

/// <summary>Small SVG images shown where a frame or snapshot does not exist (yet).</summary>
internal static class Placeholder
{
    public static readonly string NoFrameYet = Svg("No analysed frame yet");

    public static readonly string NoSnapshot = Svg("No snapshot stored");

    private static string Svg(string text) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#263238"/><text x="320" y="185" fill="#eceff1" font-family="sans-serif" font-size="28" text-anchor="middle">{text}</text></svg>""";
}
