namespace MlRisk.Core.Serving;

/// <summary>Settings of the HTTP side, section "Serving".</summary>
public sealed class ServingOptions
{
    public const string Section = "Serving";

    /// <summary>Folder with the dashboard (index.html, app.js, vendor/chart.umd.js). Default: web/ next to the app.</summary>
    public string WebRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "web");

    /// <summary>/health reports "stale" when the last data date is more than this many sessions behind the last completed session.</summary>
    public int MaxStalenessSessions { get; set; } = 1;
}
