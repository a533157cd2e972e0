namespace CctvMask.Dashboard.Session;

/// <summary>Where to go after login: only local paths, so the login page cannot be used as an open redirect.</summary>
public static class ReturnUrl
{
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/') return "/";
        // "//host" and "/\host" are protocol-relative URLs to another site.
        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\')) return "/";
        if (returnUrl.Any(char.IsControl)) return "/";
        return returnUrl.StartsWith("/login", StringComparison.OrdinalIgnoreCase) ? "/" : returnUrl;
    }
}
