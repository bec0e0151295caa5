using MlRisk.Core.Serving;

namespace MlRisk.Functions.Api;

/// <summary>The OpenAPI document of the Functions host, generated once on first request (see <see cref="OpenApiDocumentWriter"/>).</summary>
public sealed class OpenApiDocumentCache
{
    private readonly Lazy<Task<string>> document = new(() => OpenApiDocumentWriter.WriteJsonAsync(CancellationToken.None));

    public Task<string> GetAsync(CancellationToken ct) => document.Value.WaitAsync(ct);
}
