using MlRisk.Functions;
using MlRisk.Functions.Cli;
using MlRisk.Functions.Hosting;

// One binary, three ways in; HostingModeDetector documents the rule.
return HostingModeDetector.Detect(args, Environment.GetEnvironmentVariables()) switch
{
    HostingMode.FunctionsWorker => await FunctionsWorker.RunAsync(args),
    HostingMode.CommandLine => await CommandLine.RunAsync(args),
    _ => await CommandLine.RunAsync([ServeCommand.Verb, .. args]),
};
