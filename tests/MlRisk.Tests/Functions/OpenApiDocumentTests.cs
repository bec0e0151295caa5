using System.Text.Json;
using MlRisk.Core.Serving;

namespace MlRisk.Tests.Functions;

/// <summary>The Functions host serves a document generated without a server; it must equal the standalone host's.</summary>
public sealed class OpenApiDocumentTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    [Fact]
    public async Task The_functions_document_has_the_same_operations_as_the_standalone_one()
    {
        var standalone = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi.json")).RootElement;
        var functions = JsonDocument.Parse(await OpenApiDocumentWriter.WriteJsonAsync(CancellationToken.None)).RootElement;

        Assert.Equal(standalone.GetProperty("paths").GetRawText(), functions.GetProperty("paths").GetRawText());
        Assert.Equal("MlRisk", functions.GetProperty("info").GetProperty("title").GetString());
        Assert.True(functions.GetProperty("paths").GetProperty("/predict").GetProperty("post").TryGetProperty("requestBody", out _));
    }
}
