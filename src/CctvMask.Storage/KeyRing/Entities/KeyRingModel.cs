using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.KeyRing.Entities;

/// <summary>The key ring table of the shared model (called from the DbContext's OnModelCreating).</summary>
internal static class KeyRingModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KeyRingEntryEntity>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).ValueGeneratedOnAdd();
            e.Property(k => k.FriendlyName).HasMaxLength(KeyRingStore.FriendlyNameMaxLength);
            e.Property(k => k.Xml).HasColumnType("text");
        });
    }
}
