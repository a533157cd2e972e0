using System.Xml.Linq;
using CctvMask.Storage.KeyRing;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CctvMask.Server.KeyRing;

/// <summary>Data Protection's key repository over the shared database (<see cref="KeyRingStore"/>): one key ring for the fleet.</summary>
public sealed class DatabaseXmlRepository(KeyRingStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.GetAll().Select(x => XElement.Parse(x)).ToArray();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Add(element.ToString(SaveOptions.DisableFormatting), friendlyName);
    }
}
