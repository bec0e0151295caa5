using MlRisk.Functions.Scheduling;

namespace MlRisk.Tests.Faults;

/// <summary>
/// <c>./mlrisk serve</c> as a real process (<see cref="AppProcess"/>) on a free 127.0.0.1 port, ready once /health
/// answers; its timer schedules are moved to a date that never comes, so no stage runs while a test asks. Killed on dispose.
/// </summary>
public sealed class ServedApp : IDisposable
{
    /// <summary>Every timer's schedule setting, each set to 30 February: a cron that never fires.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> NeverFiring =>
        PipelineJob.All.Select(job => new KeyValuePair<string, string?>(job.ScheduleSetting, "0 0 0 30 2 *"));

    private readonly AppProcess _process;

    private ServedApp(AppProcess process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<ServedApp> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{MlRisk.Tests.Lake.Blob.AzuriteFixture.FreePort()}";
        var settings = new Dictionary<string, string>(environment) { ["RunOnStartup"] = "false" };
        foreach (var (schedule, never) in NeverFiring) settings[schedule] = never!;
        var process = AppProcess.Start(["serve", "--urls", url, .. args], settings);
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var served = new ServedApp(process, client);
        var deadline = DateTime.UtcNow + AppProcess.RunTimeout;
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return served;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                served.Dispose();
                Assert.Fail($"serve did not answer /health on {url}:\n{process.Stderr}");
            }
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }
}
