using MlRisk.Functions.Cli;
using MlRisk.Functions;

// Hosting-mode detection: the local command line always starts with a verb (run, serve, validate);
// the Azure Functions host never passes one; it starts the worker with --host/--port/--functions-uri
// arguments and a Functions:Worker:HostEndpoint setting.
if (args.Length > 0 && CommandLine.IsVerb(args[0]))
{
    return await CommandLine.RunAsync(args);
}

await FunctionsWorker.RunAsync(args);
return 0;
