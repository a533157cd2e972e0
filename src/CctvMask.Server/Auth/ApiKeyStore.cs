using System.Security.Cryptography;
using System.Text;
using CctvMask.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Auth;

/// <summary>
/// The effective keys. The admin key comes from configuration, else from the generated key file,
/// which is created (mode 600) on the very first start; <see cref="GeneratedNow"/> tells the
/// announcer to print it that one time.
/// </summary>
public sealed class ApiKeyStore
{
    // Every key is held only as its SHA-256 and compared hash to hash, in constant time, against all of them.
    private readonly (byte[] Hash, ApiKeyIdentity Identity)[] _keys;

    public ApiKeyStore(IOptions<ApiKeyOptions> options, IConfiguration configuration)
    {
        var o = options.Value;
        KeyFile = Path.Combine(DataDirectory.Resolve(configuration), o.GeneratedKeyFile);
        string admin;
        if (o.AdminKey is { Length: > 0 } configured)
        {
            admin = configured;
        }
        else
        {
            (admin, GeneratedNow) = LoadOrCreate(KeyFile, o.GeneratedKeyBytes);
            AdminKeyFromFile = admin;
        }
        var keys = new List<(byte[], ApiKeyIdentity)> { (ApiKeyHash.Of(admin), new ApiKeyIdentity(o.AdminKeyName, ApiPolicies.AdminRole)) };
        if (o.ViewerKey is { Length: > 0 } viewer)
            keys.Add((ApiKeyHash.Of(viewer), new ApiKeyIdentity(o.ViewerKeyName, ApiPolicies.ViewerRole)));
        foreach (var named in o.Keys)
            keys.Add((Convert.FromHexString(named.Sha256!), new ApiKeyIdentity(named.Name!, named.Role!)));
        _keys = [.. keys];
    }

    /// <summary>Where a generated admin key lives.</summary>
    public string KeyFile { get; }

    /// <summary>True when this process generated the admin key (first start).</summary>
    public bool GeneratedNow { get; }

    /// <summary>The admin key when it came from the key file (to print once), else null.</summary>
    public string? AdminKeyFromFile { get; }

    /// <summary>The role a presented key grants, or null for an unknown key.</summary>
    public string? RoleFor(string presented) => IdentityOf(presented)?.Role;

    /// <summary>
    /// The name and role of a presented key, or null for an unknown key. Every configured hash is compared
    /// (constant time each), so the time taken does not tell which key, if any, matched.
    /// </summary>
    public ApiKeyIdentity? IdentityOf(string presented)
    {
        var hash = ApiKeyHash.Of(presented);
        ApiKeyIdentity? found = null;
        foreach (var (keyHash, identity) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash) && found is null) found = identity;
        }
        return found;
    }

    private static (string Key, bool Created) LoadOrCreate(string path, int bytes)
    {
        if (File.Exists(path))
            return (File.ReadAllText(path).Trim(), false);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            // Owner read/write only (600): the key is a credential.
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, create);
            stream.Write(Encoding.UTF8.GetBytes(key + "\n"));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race: use its key.
            return (File.ReadAllText(path).Trim(), false);
        }
        return (key, true);
    }
}
