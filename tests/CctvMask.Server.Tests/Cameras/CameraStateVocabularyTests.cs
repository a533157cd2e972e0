using CctvMask.Dashboard.Cameras;
using CctvMask.Grains.Cameras;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>The API, the metrics (state label) and the dashboard use the same words for a camera's state.</summary>
public sealed class CameraStateVocabularyTests
{
    [Fact]
    public void Every_state_the_api_and_metrics_name_is_shown_filterable_and_explained_by_the_dashboard()
    {
        foreach (var state in Enum.GetValues<CameraState>())
        {
            var name = CameraStateName.Of(state);
            Assert.Equal(name, CameraStates.Display(name, enabled: true));
            Assert.Contains(name, CameraStates.Filterable);
            Assert.NotEqual(CameraStates.Describe(CameraStates.Unknown), CameraStates.Describe(name));
        }
    }
}
