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

    /// <summary>
    /// The vendor files are named by their version in index.html's URLs (vendor/chart.umd.js?v=4.6.1), so a browser may
    /// keep them for a year; the page and its own script and style change with every deploy under the same names, so
    /// they are checked with the server (ETag, 304) on every load.
    /// </summary>
    public static string CacheControlOf(string? path) =>
        path is not null && path.StartsWith("vendor/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";

    public static string ContentTypeOf(string file) =>
        ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
}
