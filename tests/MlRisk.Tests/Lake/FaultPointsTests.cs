using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class FaultPointsTests
{
    private static IServiceProvider Lake(Dictionary<string, string?> settings)
    {
        settings["Lake:DataPath"] = Path.GetTempPath();
        return new ServiceCollection().AddLogging()
            .AddMlRiskLake(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
    }

    [Fact]
    public void Without_the_test_settings_the_lake_has_no_fault_points()
    {
        Assert.IsType<NoFaultPoints>(Lake([]).GetRequiredService<IFaultPoints>());
    }

    [Fact]
    public void The_crash_suites_settings_switch_in_the_pausing_points()
    {
        var points = Lake(new() { [PausingFaultPoints.PointVariable] = "train.before-promote" }).GetRequiredService<IFaultPoints>();

        Assert.IsType<PausingFaultPoints>(points);
        points.Reached("infer.start");
        points.PartitionPublished("features_daily");
    }

    [Fact]
    public void A_malformed_partition_setting_stops_the_composition_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Lake(new() { [PausingFaultPoints.PartitionsVariable] = "features_daily" }));

        Assert.StartsWith("MLRISK_TEST_PAUSE_AFTER_PARTITIONS=features_daily: expected <dataset>:<N>", error.Message);
    }
}
