using CctvMask.Grains.Inference;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Lanes get their models from a test's factory function (one instance per lane).</summary>
internal sealed class DelegateFaceModelsFactory(IServiceProvider services, Func<IServiceProvider, IFaceModels> create) : IFaceModelsFactory
{
    public IFaceModels Create(int lane) => create(services);
}
