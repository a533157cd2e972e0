namespace CctvMask.Server.Audit;

/// <summary>Endpoint metadata: this endpoint is audited under <see cref="Name"/> (also when authorization denies it).</summary>
public sealed record AuditAction(string Name);
