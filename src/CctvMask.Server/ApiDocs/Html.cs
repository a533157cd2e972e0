using System.Net;
using System.Text;

namespace CctvMask.Server.ApiDocs;

/// <summary>Encoding and anchors for the server-rendered API reference.</summary>
internal static class Html
{
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An anchor id from any text: letters and digits kept, everything else one dash.</summary>
    public static string Id(string text)
    {
        var id = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) id.Append(char.ToLowerInvariant(c));
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        return id.ToString().Trim('-');
    }
}
