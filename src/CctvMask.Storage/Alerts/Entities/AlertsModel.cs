using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Alerts.Entities;

/// <summary>The alert tables of the shared model (called from <see cref="CctvDbContext"/>'s OnModelCreating).</summary>
internal static class AlertsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertRuleEntity>(e =>
        {
            e.ToTable("alert_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Name).HasMaxLength(AlertLimits.NameMaxLength);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Scope).HasConversion<string>().HasMaxLength(AlertLimits.ScopeMaxLength);
            e.Property(r => r.CameraId).HasMaxLength(CameraLimits.IdMaxLength);
            e.Property(r => r.WebhookUrl).HasMaxLength(AlertLimits.UrlMaxLength);
            e.Property(r => r.WebhookSecret).HasMaxLength(AlertLimits.ProtectedSecretMaxLength);
        });

        modelBuilder.Entity<AlertRuleStateEntity>(e =>
        {
            e.ToTable("alert_rule_states");
            e.HasKey(s => new { s.RuleId, s.CameraId });
            e.Property(s => s.CameraId).HasMaxLength(CameraLimits.IdMaxLength);
            e.HasOne<AlertRuleEntity>().WithMany().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AlertEventEntity>(e =>
        {
            e.ToTable("alert_events");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.RuleName).HasMaxLength(AlertLimits.NameMaxLength);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.CameraId).HasMaxLength(CameraLimits.IdMaxLength);
            // Plain text on both providers: jsonb would reorder the keys and break the signed bytes.
            e.Property(a => a.Payload).HasColumnType("text");
            e.HasIndex(a => new { a.OccurredAt, a.Id }).IsDescending(true, true);
        });

        modelBuilder.Entity<AlertDeliveryEntity>(e =>
        {
            e.ToTable("alert_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Target).HasMaxLength(AlertLimits.TargetMaxLength);
            e.Property(d => d.LastError).HasMaxLength(AlertLimits.ErrorMaxLength);
            e.HasOne<AlertEventEntity>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
            // The delivery worker's scan: pending ones due first.
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => d.CreatedAt);
        });

        modelBuilder.Entity<AlertDeliveryAttemptEntity>(e =>
        {
            e.ToTable("alert_delivery_attempts");
            e.HasKey(a => new { a.DeliveryId, a.Number });
            e.Property(a => a.Error).HasMaxLength(AlertLimits.ErrorMaxLength);
            e.HasOne<AlertDeliveryEntity>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AlertLeaseEntity>(e =>
        {
            e.ToTable("alert_leases");
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(AlertLimits.LeaseNameMaxLength);
            e.Property(l => l.Holder).HasMaxLength(AlertLimits.HolderMaxLength);
        });
    }
}
