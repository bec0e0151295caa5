using Microsoft.Extensions.Hosting;

namespace MlRisk.Functions;

/// <summary>The app as the Azure Functions host starts it: an isolated worker with ASP.NET Core HTTP integration.</summary>
public static class FunctionsWorker
{
    public static async Task RunAsync(string[] args)
    {
        var host = new HostBuilder()
            .ConfigureFunctionsWebApplication()
            .Build();
        await host.RunAsync();
    }
}
