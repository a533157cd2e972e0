using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using CctvMask.Dashboard.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Session;

/// <summary>
/// The login cookie: the API key and its role, encrypted and signed with ASP.NET Core Data
/// Protection and time-limited, HttpOnly and SameSite=Strict, so page script never sees the key.
/// </summary>
public sealed class SessionCookie
{
    public const string Name = "cctvmask.session";
    // v2 carries a session id (revocable at logout); v1 cookies no longer open a session.
    private const string Purpose = "CctvMask.Dashboard.Session.v2";

    private readonly ITimeLimitedDataProtector _protector;
    private readonly IOptions<DashboardOptions> _options;
    private readonly SessionRevocations _revocations;

    public SessionCookie(IDataProtectionProvider provider, IOptions<DashboardOptions> options, SessionRevocations? revocations = null)
    {
        _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        _options = options;
        _revocations = revocations ?? new SessionRevocations(TimeProvider.System);
    }

    private TimeSpan Lifetime => TimeSpan.FromHours(_options.Value.SessionHours);

    /// <summary>The protected cookie value for a key and role.</summary>
    public string Protect(string apiKey, DashboardRole role) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{(int)role}:{Guid.NewGuid():N}:{apiKey}"), Lifetime);

    /// <summary>Reads a protected value; false when it is missing, tampered with or expired.</summary>
    public bool TryUnprotect(string? token, [NotNullWhen(true)] out string? apiKey, out DashboardRole role)
    {
        apiKey = null;
        role = DashboardRole.Viewer;
        if (string.IsNullOrEmpty(token)) return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        var second = colon < 0 ? -1 : payload.IndexOf(':', colon + 1);
        if (colon <= 0 || second != colon + 33 || second == payload.Length - 1) return false;
        if (!int.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var r)
            || !Enum.IsDefined((DashboardRole)r))
            return false;
        if (_revocations.IsRevoked(payload[(colon + 1)..second])) return false; // logged out
        role = (DashboardRole)r;
        apiKey = payload[(second + 1)..];
        return true;
    }

    /// <summary>Logout: the request's session id is refused from now on, even if a copy of the cookie survives.</summary>
    public void Revoke(HttpContext context)
    {
        var token = context.Request.Cookies[Name];
        if (string.IsNullOrEmpty(token)) return;
        try
        {
            var payload = _protector.Unprotect(token, out var expiration);
            var colon = payload.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && payload.Length > colon + 33) _revocations.Revoke(payload.Substring(colon + 1, 32), expiration);
        }
        catch (CryptographicException)
        {
            // Not a valid cookie: nothing to revoke.
        }
    }

    /// <summary>Fills the session from the request's cookie; false when there is no valid one.</summary>
    public bool TryRestore(HttpContext context, DashboardSession session)
    {
        session.ClientAddress = context.Connection.RemoteIpAddress?.ToString();
        return TryRestore(context.Request.Cookies[Name], session);
    }

    /// <summary>Fills the session from a protected value; false when it is not valid.</summary>
    public bool TryRestore(string? token, DashboardSession session)
    {
        if (!TryUnprotect(token, out var key, out var role))
        {
            session.SignOut();
            return false;
        }
        session.SignIn(key, role);
        return true;
    }

    public void Write(HttpContext context, string apiKey, DashboardRole role) =>
        context.Response.Cookies.Append(Name, Protect(apiKey, role), CookieOptions(context));

    public void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, CookieOptions(context));

    private CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
        MaxAge = Lifetime,
    };
}
