using System.Collections;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Functions;

public sealed class HostingModeDetectorTests
{
    private static readonly Hashtable NoEnvironment = new();

    [Fact]
    public void The_functions_host_endpoint_argument_means_the_functions_worker()
    {
        string[] args = ["--host", "127.0.0.1", "--port", "51234", "--workerId", "w", "--requestId", "r",
            "--grpcMaxMessageLength", "2147483647", "--functions-uri", "http://127.0.0.1:51234/", "--functions-worker-id", "w"];

        Assert.Equal(HostingMode.FunctionsWorker, HostingModeDetector.Detect(args, NoEnvironment));
    }

    [Fact]
    public void The_host_endpoint_setting_in_the_environment_means_the_functions_worker()
    {
        var environment = new Hashtable { ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:51234/" };

        Assert.Equal(HostingMode.FunctionsWorker, HostingModeDetector.Detect([], environment));
    }

    [Fact]
    public void A_verb_goes_to_the_command_line()
    {
        Assert.Equal(HostingMode.CommandLine, HostingModeDetector.Detect(["serve", "--urls", "http://127.0.0.1:9000"], NoEnvironment));
        Assert.Equal(HostingMode.CommandLine, HostingModeDetector.Detect(["--help"], NoEnvironment));
    }

    [Fact]
    public void Anything_else_starts_the_standalone_host()
    {
        Assert.Equal(HostingMode.Standalone, HostingModeDetector.Detect([], NoEnvironment));
        Assert.Equal(HostingMode.Standalone, HostingModeDetector.Detect(["--urls", "http://127.0.0.1:9000"], NoEnvironment));
    }
}
