using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Serving;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The worker's counterpart of the standalone host's exception handler: an HTTP function that throws answers
/// <see cref="Problems.Unexpected"/> as problem details, instead of the host's bare 500. The exception is logged
/// here, since the invocation then succeeds. Timer functions still fail, so the host records the failed run.
/// </summary>
public sealed class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> log) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { RequestAborted.IsCancellationRequested: false } http)
        {
            log.LogError(e, "Function {Function} failed: {Error}", context.FunctionDefinition.Name, e.Message);
            // As ASP.NET Core's exception handler does: no cache may keep an error answer.
            http.Response.Headers.CacheControl = "no-cache,no-store";
            http.Response.Headers.Pragma = "no-cache";
            http.Response.Headers.Expires = "-1";
            http.Response.Headers.ETag = default;
            context.GetInvocationResult().Value = Problems.Unexpected(e);
        }
    }
}
