using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MlRisk.Core.Serving;

/// <summary>
/// The standalone host's answer to an exception a handler did not expect: <see cref="Problems.Unexpected"/>, the same
/// problem the Functions worker's middleware writes. The exception handler middleware has logged the exception already.
/// </summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        await Problems.Unexpected(exception).ExecuteAsync(httpContext);
        return true;
    }
}
