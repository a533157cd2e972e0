namespace CctvMask.Server.Fleet.Contracts;

/// <summary>
/// One silo of GET /api/fleet/silos as the answering silo sees the cluster. <c>Address</c> is the
/// form camera statuses carry in <c>silo</c> ("ip:port@generation"); status: active, joining,
/// shuttingdown, stopping, dead, …
/// </summary>
public sealed record SiloResponse(string Address, string Name, string Status, bool Self);
