using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Functions;

/// <summary>Bad settings stop the standalone host at start with the setting named, before it serves anything.</summary>
public sealed class StandaloneHostStartTests
{
    private static async Task<OptionsValidationException> StartWithAsync(string key, string value)
    {
        var lake = new FakeLake(sessions: 10);
        await using var app = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0"), builder =>
        {
            builder.Configuration[key] = value;
            builder.Services.AddSingleton<IForecastReader>(lake);
            builder.Services.AddSingleton<IRunSummaryStore>(lake);
            builder.Services.AddSingleton<IChampionModel>(new FakeChampion(serving: true));
            builder.Services.AddSingleton<IPipelineTrigger>(new RecordingTrigger());
        });
        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }

    [Fact]
    public async Task A_bad_schedule_stops_the_start_naming_the_setting()
    {
        var error = await StartWithAsync("IngestSchedule", "every evening");

        Assert.Contains("'IngestSchedule' = 'every evening'", error.Message);
    }

    [Fact]
    public async Task A_web_root_without_the_dashboard_stops_the_start_naming_the_setting()
    {
        var error = await StartWithAsync("Serving:WebRoot", Path.GetTempPath());

        Assert.Contains("'Serving:WebRoot'", error.Message);
    }
}
