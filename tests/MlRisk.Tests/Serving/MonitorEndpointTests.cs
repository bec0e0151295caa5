using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MlRisk.Core.Monitoring;
using MlRisk.Core.Serving;
using MlRisk.Tests.Functions;

namespace MlRisk.Tests.Serving;

/// <summary>/monitor carries the monitor's configured window and thresholds, so the dashboard never assumes the defaults.</summary>
public sealed class MonitorEndpointTests
{
    [Fact]
    public async Task The_response_carries_the_configured_window_and_qlike_thresholds()
    {
        var settings = new MonitoringOptions { WindowSessions = 40, QlikeRatioBaseline = 0.95, QlikeRatioHarX = 1.2 };

        var result = await MlRiskApi.MonitorAsync(null, null, new FakeLake(), Options.Create(settings), CancellationToken.None);

        var body = Assert.IsType<EntityTaggedJson<MonitoringHistoryResponse>>(result.Result).Value;
        Assert.Equal(40, body.WindowSessions);
        Assert.Equal(new MonitorThresholds(0.95, 1.2), body.Thresholds);
    }
}
