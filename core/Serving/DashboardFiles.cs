using Microsoft.AspNetCore.StaticFiles;

namespace MlRisk.Core.Serving;

/// <summary>
/// Maps a dashboard request path to a file under the web root. The route accepts only file names with a
/// dashboard extension, so it cannot shadow an API route in the Functions host, which matches routes in
/// registration order rather than by precedence.
/// </summary>
public static class DashboardFiles
{
    /// <summary>"/", "/index.html", "/app.js", "/style.css": one optional segment with a dashboard extension.</summary>
    public const string Route = @"{file:regex(^[A-Za-z0-9_-]+\.(html|js|css|svg|png|ico)$)?}";

    /// <summary>"/vendor/chart.umd.js": the npm-installed libraries.</summary>
    public const string VendorRoute = @"vendor/{file:regex(^[A-Za-z0-9_.-]+\.js$)}";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The full path of the file to serve, or null when the path is outside the web root or not a file there.</summary>
    public static string? Resolve(string webRoot, string? path)
    {
        var relative = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (relative.Contains("..", StringComparison.Ordinal)) return null;
        var root = Path.GetFullPath(webRoot);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return File.Exists(full) ? full : null;
    }

    public static string ContentTypeOf(string file) =>
        ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
}
