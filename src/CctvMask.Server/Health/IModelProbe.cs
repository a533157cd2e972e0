namespace CctvMask.Server.Health;

/// <summary>Are the detector models loaded? Null when they are, else why not.</summary>
public interface IModelProbe
{
    string? LoadError();
}
