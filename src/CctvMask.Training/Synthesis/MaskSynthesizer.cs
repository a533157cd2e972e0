using System.Collections.Concurrent;
using System.Drawing;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Synthesis;

/// <summary>
/// Puts a mask template on a face: picks a family at random and the front/_left/_right view from the
/// head's yaw, fits a homography from the template's six anchors to the face targets
/// (<see cref="FaceMaskGeometry"/>), warps with bilinear sampling, matches the face's brightness and
/// alpha-blends. Thread-safe; randomness comes from the caller.
/// </summary>
public sealed class MaskSynthesizer(MaskTemplateSet templates, SynthOptions options)
{
    private const float ReferenceSkinLuma = 150f;
    private readonly ConcurrentDictionary<string, TemplateImage> _images = new();

    /// <summary>Draws a mask onto <paramref name="image"/>; returns the template used, or null when the face is too small.</summary>
    public string? Apply(BgrImage image, Landmarks landmarks, Random rng)
    {
        if (FaceMaskGeometry.EyeDistance(landmarks) < options.MinEyeDistance) return null;
        var template = Choose(landmarks, rng);
        var tpl = _images.GetOrAdd(template.ImagePath, TemplateImage.Load);
        var targets = FaceMaskGeometry.Targets(landmarks, rng, options.AnchorJitter, options.BelowNose);
        var faceToTemplate = Homography.Fit(targets, template.Anchors);
        var templateToFace = Homography.Fit(template.Anchors, targets);

        // Destination rectangle: the template's corners mapped onto the image.
        Span<PointF> corners = [templateToFace.Map(0, 0), templateToFace.Map(tpl.Width, 0), templateToFace.Map(0, tpl.Height), templateToFace.Map(tpl.Width, tpl.Height)];
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
        foreach (var c in corners)
        {
            if (!float.IsFinite(c.X) || !float.IsFinite(c.Y)) return null;
            x0 = Math.Min(x0, (int)MathF.Floor(c.X)); y0 = Math.Min(y0, (int)MathF.Floor(c.Y));
            x1 = Math.Max(x1, (int)MathF.Ceiling(c.X)); y1 = Math.Max(y1, (int)MathF.Ceiling(c.Y));
        }
        x0 = Math.Max(x0, 0); y0 = Math.Max(y0, 0);
        x1 = Math.Min(x1, image.Width - 1); y1 = Math.Min(y1, image.Height - 1);
        if (x1 <= x0 || y1 <= y0) return null;

        // A mask in a dim photo is dim too: scale its colour by the face's brightness (± 10 %).
        float light = Math.Clamp(FaceLuma(image, landmarks) / ReferenceSkinLuma, 0.45f, 1.1f) * (0.9f + 0.2f * rng.NextSingle());
        var px = image.Pixels;
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                var p = faceToTemplate.Map(x + 0.5f, y + 0.5f);
                if (!Sample(tpl, p.X - 0.5f, p.Y - 0.5f, out float r, out float g, out float b, out float a) || a <= 0) continue;
                int o = y * image.Stride + x * 3;
                // Premultiplied over: out = src + dst·(1 − α).
                px[o] = ToByte(b * light + px[o] * (1 - a));
                px[o + 1] = ToByte(g * light + px[o + 1] * (1 - a));
                px[o + 2] = ToByte(r * light + px[o + 2] * (1 - a));
            }
        }
        return template.Name;
    }

    private MaskTemplate Choose(Landmarks landmarks, Random rng)
    {
        var families = options.Families.Where(f => templates.Find(f, MaskView.Front) is not null).ToList();
        if (families.Count == 0) throw new InvalidOperationException("None of the requested mask families is in masks.cfg.");
        var family = families[rng.Next(families.Count)];
        float yaw = FaceMaskGeometry.Yaw(landmarks);
        var view = yaw < -options.TurnedHeadYaw ? MaskView.Left : yaw > options.TurnedHeadYaw ? MaskView.Right : MaskView.Front;
        return templates.Find(family, view) ?? templates.Find(family, MaskView.Front)!;
    }

    private static bool Sample(TemplateImage t, float x, float y, out float r, out float g, out float b, out float a)
    {
        r = g = b = a = 0;
        if (x < -0.5f || y < -0.5f || x > t.Width - 0.5f || y > t.Height - 0.5f) return false;
        int xi = (int)MathF.Floor(x), yi = (int)MathF.Floor(y);
        float fx = x - xi, fy = y - yi;
        Span<int> xs = [Math.Clamp(xi, 0, t.Width - 1), Math.Clamp(xi + 1, 0, t.Width - 1)];
        Span<int> ys = [Math.Clamp(yi, 0, t.Height - 1), Math.Clamp(yi + 1, 0, t.Height - 1)];
        for (int j = 0; j < 2; j++)
        {
            for (int i = 0; i < 2; i++)
            {
                float w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                int o = (ys[j] * t.Width + xs[i]) * 4;
                r += t.Rgba[o] * w; g += t.Rgba[o + 1] * w; b += t.Rgba[o + 2] * w; a += t.Rgba[o + 3] * w;
            }
        }
        a /= 255f;
        return true;
    }

    /// <summary>Mean luma in the box spanned by the landmarks (skin around the nose and mouth).</summary>
    private static float FaceLuma(BgrImage image, Landmarks lm)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        for (int i = 0; i < Landmarks.Count; i++)
        {
            minX = MathF.Min(minX, lm[i].X); maxX = MathF.Max(maxX, lm[i].X);
            minY = MathF.Min(minY, lm[i].Y); maxY = MathF.Max(maxY, lm[i].Y);
        }
        int x0 = Math.Clamp((int)minX, 0, image.Width - 1), x1 = Math.Clamp((int)maxX, 0, image.Width - 1);
        int y0 = Math.Clamp((int)minY, 0, image.Height - 1), y1 = Math.Clamp((int)maxY, 0, image.Height - 1);
        double sum = 0;
        long n = 0;
        var px = image.Pixels;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++, n++)
            {
                int o = y * image.Stride + x * 3;
                sum += 0.114 * px[o] + 0.587 * px[o + 1] + 0.299 * px[o + 2];
            }
        return n == 0 ? ReferenceSkinLuma : (float)(sum / n);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)(v + 0.5f), 0, 255);
}
