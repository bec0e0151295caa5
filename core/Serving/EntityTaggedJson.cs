using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MlRisk.Core.Serving;

/// <summary>
/// A JSON 200 carrying an ETag of its bytes, or a 304 without a body when the request's If-None-Match names that tag:
/// the dashboard re-reads megabytes of history on every load, and this way it pays for them only when they changed.
/// The tag is derived from the body, not from the store, so it changes exactly when the answer does in both hosts.
/// It is weak because response compression sends the same body as other bytes under the same tag.
/// </summary>
public sealed class EntityTaggedJson<T>(T value) : IResult, IEndpointMetadataProvider, IValueHttpResult<T>
{
    public T Value => value;

    public async Task ExecuteAsync(HttpContext context)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, json);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}\"", isWeak: true);

        var response = context.Response;
        response.Headers.ETag = tag.ToString();
        // Stored, but checked with the server before each use: the browser's fetch then sends If-None-Match itself.
        response.Headers.CacheControl = "no-cache";
        if (Matches(context.Request.GetTypedHeaders().IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }

    /// <summary>RFC 9110 §13.1.2: If-None-Match uses the weak comparison, and "*" matches any current representation.</summary>
    private static bool Matches(IList<EntityTagHeaderValue> ifNoneMatch, EntityTagHeaderValue tag) =>
        ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
}
