using System.Drawing;
using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Synthesis;

/// <summary>
/// Where the six template anchors go on a face, from YuNet's five landmarks: a face frame with x along
/// the eyes and y down the face; cheeks at nose-tip and lower-lip height, the chin extrapolated below
/// the mouth. Proportions are average adult-face ratios in units of the eye distance (IOD) and of the
/// eye-to-mouth distance D. A turned head (nose off the eye midpoint) shrinks the near side.
/// </summary>
internal static class FaceMaskGeometry
{
    private const float CheekHalfWidth = 1.05f;   // × IOD at nose-tip height
    private const float JawHalfWidth = 0.92f;     // × IOD at lower-lip height
    private const float BridgeDepth = 0.28f;      // fraction of the way from the eye line to the nose tip
    private const float LowerLipBelowMouth = 0.15f; // × D
    private const float ChinDepth = 1.62f;        // × D below the eye line
    private const float YawShrink = 1.5f;
    private const float NoseLevel = 0.9f;         // cheek anchors slightly above the nose tip: masks cover the nose
    private const float MinBelowNose = 0.05f;     // below-nose placement: bridge this far from nose tip to mouth …
    private const float MaxBelowNose = 1.1f;      // … up to just under the mouth (mask on the chin)
    private const float BottomFollows = 0.5f;     // the bottom edge moves half as far: the pulled-down mask bunches

    public static float EyeDistance(Landmarks lm) => Distance(lm.RightEye, lm.LeftEye);

    /// <summary>Nose offset from the eye midpoint along the eye axis, in eye distances (negative = towards image-left).</summary>
    public static float Yaw(Landmarks lm)
    {
        var (origin, x, _, iod) = Frame(lm);
        return Dot(Sub(lm.Nose, origin), x) / iod;
    }

    /// <summary>
    /// Targets for anchors A..F (image-left A/D, image-right C/F). With <paramref name="belowNose"/> the mask is
    /// pulled down as people wear it wrongly: the bridge lands between the nose tip and the mouth (or on the
    /// chin), the top edge moves down fully and the bottom edge half as much, so the mask bunches under the chin.
    /// </summary>
    public static PointF[] Targets(Landmarks lm, Random rng, float jitter, bool belowNose = false)
    {
        var (origin, x, y, iod) = Frame(lm);
        var mouth = Mid(lm.RightMouth, lm.LeftMouth);
        float d = MathF.Max(Dot(Sub(mouth, origin), y), 0.3f * iod);
        float noseDown = Dot(Sub(lm.Nose, origin), y);
        float noseAcross = Dot(Sub(lm.Nose, origin), x);
        float mouthAcross = Dot(Sub(mouth, origin), x);
        float yaw = noseAcross / iod;
        float leftScale = Math.Clamp(1 + YawShrink * yaw, 0.25f, 1.6f);
        float rightScale = Math.Clamp(1 - YawShrink * yaw, 0.25f, 1.6f);
        float lipDown = d * (1 + LowerLipBelowMouth);
        // Down-shift of the top edge: the bridge goes from BridgeDepth of the nose to 5–110 % of the way
        // from the nose tip to the mouth (past 100 % the mouth shows too: a mask on the chin).
        float shift = belowNose
            ? noseDown + (MinBelowNose + (MaxBelowNose - MinBelowNose) * rng.NextSingle()) * MathF.Max(d - noseDown, 0.15f * iod) - noseDown * BridgeDepth
            : 0f;
        float bottomShift = shift * BottomFollows;

        PointF At(float across, float down)
        {
            float ja = Gaussian(rng) * jitter * iod, jd = Gaussian(rng) * jitter * iod;
            return new PointF(origin.X + x.X * (across + ja) + y.X * (down + jd), origin.Y + x.Y * (across + ja) + y.Y * (down + jd));
        }

        return
        [
            At(noseAcross * 0.3f - CheekHalfWidth * iod * leftScale, noseDown * NoseLevel + shift),   // A
            At(noseAcross * BridgeDepth, noseDown * BridgeDepth + shift),                 // B
            At(noseAcross * 0.3f + CheekHalfWidth * iod * rightScale, noseDown * NoseLevel + shift),  // C
            At(mouthAcross * 0.5f - JawHalfWidth * iod * leftScale, lipDown + bottomShift),     // D
            At(mouthAcross + noseAcross * 0.3f, d * ChinDepth + bottomShift),                   // E
            At(mouthAcross * 0.5f + JawHalfWidth * iod * rightScale, lipDown + bottomShift),    // F
        ];
    }

    private static (PointF Origin, PointF X, PointF Y, float Iod) Frame(Landmarks lm)
    {
        var origin = Mid(lm.RightEye, lm.LeftEye);
        var ex = Sub(lm.LeftEye, lm.RightEye);
        float iod = MathF.Max(1e-3f, MathF.Sqrt(ex.X * ex.X + ex.Y * ex.Y));
        var x = new PointF(ex.X / iod, ex.Y / iod);
        return (origin, x, new PointF(-x.Y, x.X), iod);
    }

    private static float Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    private static PointF Mid(PointF a, PointF b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
    private static PointF Sub(PointF a, PointF b) => new(a.X - b.X, a.Y - b.Y);
    private static float Dot(PointF a, PointF b) => a.X * b.X + a.Y * b.Y;
    private static float Distance(PointF a, PointF b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
