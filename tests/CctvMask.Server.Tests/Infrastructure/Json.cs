using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>Small JSON helpers: tests read responses as JsonNode to check the wire format itself.</summary>
public static class Json
{
    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty JSON body");

    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.ReadNodeAsync();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, JsonSerializerOptions.Web);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, JsonSerializerOptions.Web);
}
