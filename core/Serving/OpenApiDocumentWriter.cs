using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace MlRisk.Core.Serving;

/// <summary>
/// Produces the OpenAPI document of <see cref="MlRiskApi"/> without a running server. The Functions host routes
/// requests to functions, not to ASP.NET endpoints, so MapOpenApi sees no routes there; its /openapi.json function
/// serves this document instead, generated from the same endpoint definitions the standalone host maps.
/// </summary>
public static class OpenApiDocumentWriter
{
    public static async Task<string> WriteJsonAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Services.AddMlRiskServing();
        await using var app = builder.Build();
        app.MapMlRiskApi();
        // WebApplication hands its routes to the endpoint data source only in UseEndpoints, which a started host
        // calls implicitly; this one is never started.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ServingRegistration.OpenApiDocument);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
    }
}
