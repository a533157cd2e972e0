using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Data;

/// <summary>Phase-1 face detection as training needs it (the same detector as inference).</summary>
public interface IFaceFinder
{
    /// <summary>All faces in the frame, best score first.</summary>
    IReadOnlyList<FoundFace> Find(BgrFrame frame);
}
