using CctvMask.Storage.Database;
using CctvMask.Storage.KeyRing.Entities;

namespace CctvMask.Storage.KeyRing;

/// <summary>
/// The server's ASP.NET Core Data Protection key ring, in the shared database so every server of a fleet
/// decrypts what another encrypted (session cookies, webhook secrets). Append-only: Data Protection never
/// deletes a key, it revokes or expires it by writing another element. Synchronous because Data Protection's
/// key repository interface is (it reads the ring once and caches it).
/// </summary>
public sealed class KeyRingStore(CctvDbContextFactory factory, TimeProvider timeProvider)
{
    public const int FriendlyNameMaxLength = 200;

    /// <summary>Every stored element's XML, oldest first.</summary>
    public IReadOnlyList<string> GetAll()
    {
        using var db = factory.CreateDbContext();
        return db.Set<KeyRingEntryEntity>().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
    }

    /// <summary>Appends one element.</summary>
    public void Add(string xml, string? friendlyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        using var db = factory.CreateDbContext();
        db.Add(new KeyRingEntryEntity
        {
            Xml = xml,
            FriendlyName = friendlyName is { Length: > FriendlyNameMaxLength } ? friendlyName[..FriendlyNameMaxLength] : friendlyName,
            CreatedAt = StorageTime.ToDb(timeProvider.GetUtcNow()),
        });
        db.SaveChanges();
    }
}
