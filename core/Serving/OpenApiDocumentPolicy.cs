using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MlRisk.Core.Serving;

/// <summary>
/// What the endpoint definitions cannot say about the API as a whole, written so that `redocly lint` (recommended
/// rules) finds nothing to reject: the description and licence, that the API is anonymous on purpose, server URLs
/// without a trailing slash (operation paths start with one) and what the one tag groups.
/// </summary>
public sealed class OpenApiDocumentPolicy : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "MlRisk",
            Version = "1",
            Description = "SPY 5-day realized volatility forecasts (rv_5d, not annualized) with SHAP drivers.",
            License = new OpenApiLicense { Name = "Proprietary, all rights reserved (UNLICENSED)", Identifier = "LicenseRef-MlRisk-Proprietary" },
        };
        // One requirement with no schemes: every operation may be called without credentials.
        document.Security = [new OpenApiSecurityRequirement()];
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url) server.Url = url.TrimEnd('/');
        }
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name == nameof(MlRiskApi)) tag.Description = "Forecasts, their history, the served model, the last run and the health of the service.";
        }
        return Task.CompletedTask;
    }
}
