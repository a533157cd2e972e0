namespace CctvMask.Storage.KeyRing.Entities;

/// <summary>Row of <c>data_protection_keys</c>: one key of the server's Data Protection key ring, as the XML it wrote.</summary>
internal sealed class KeyRingEntryEntity
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
    public DateTime CreatedAt { get; set; }
}
