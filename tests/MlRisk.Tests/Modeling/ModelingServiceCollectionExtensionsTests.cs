using MlRisk.Core.Modeling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Modeling;

public class ModelingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ModelRegistry("/tmp/mlrisk-artifacts", TimeProvider.System))
            .AddMlRiskModeling(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Settings_bind_from_the_modeling_section()
    {
        using var services = Build(new()
        {
            ["Modeling:GateMargin"] = "0.05",
            ["Modeling:WalkForward:RefitEverySessions"] = "21",
            ["Modeling:Booster:NumLeaves"] = "15",
        });

        var options = services.GetRequiredService<IOptions<ModelingOptions>>().Value;

        Assert.Equal(0.05, options.GateMargin);
        Assert.Equal(21, options.WalkForward.RefitEverySessions);
        Assert.Equal(15, options.Booster.NumLeaves);
        Assert.NotNull(services.GetRequiredService<ModelTrainer>());
    }

    [Fact]
    public void A_purge_shorter_than_the_label_horizon_fails_naming_the_setting()
    {
        using var services = Build(new() { ["Modeling:WalkForward:PurgeSessions"] = "3" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ModelingOptions>>().Value);
        Assert.Contains("PurgeSessions", error.Message);
    }

    [Theory]
    [InlineData("Modeling:WalkForward:RefitEverySessions", "0", "'ModelingOptions.WalkForward' members: 'RefitEverySessions'")]
    [InlineData("Modeling:Booster:NumLeaves", "1", "'ModelingOptions.Booster' members: 'NumLeaves'")]
    [InlineData("Modeling:Booster:LearningRate", "0", "'ModelingOptions.Booster' members: 'LearningRate'")]
    [InlineData("Modeling:Booster:Threads", "0", "'ModelingOptions.Booster' members: 'Threads'")]
    public void A_nested_setting_out_of_range_fails_at_start_naming_it(string key, string value, string named)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ModelingOptions>>().Value);
        Assert.True(error.Message.Contains(named, StringComparison.Ordinal), error.Message);
    }
}
