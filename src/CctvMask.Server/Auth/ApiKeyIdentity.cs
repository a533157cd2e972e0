namespace CctvMask.Server.Auth;

/// <summary>Who a presented key is: its configured name (never the key) and its role.</summary>
public sealed record ApiKeyIdentity(string Name, string Role);
