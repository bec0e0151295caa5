using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlRisk.Core.Sources;

namespace MlRisk.Tests.Sources;

public class SourcesRegistrationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddMlRiskSources(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Theory]
    [InlineData("synthetic")]
    [InlineData("csv")]
    [InlineData("live")]
    public void The_factory_creates_each_kind_with_its_default_start(string kind)
    {
        using var services = Services([]);

        var source = services.GetRequiredService<IMarketSourceFactory>().Create(kind);

        Assert.Equal(kind, source.Name);
        Assert.Equal(new DateOnly(2009, 1, 2), Assert.IsAssignableFrom<IMarketHistorySource>(source).DefaultStart);
    }

    [Fact]
    public void Settings_come_from_the_sources_section()
    {
        using var services = Services(new() { ["Sources:Synthetic:Start"] = "2010-01-04", ["Sources:Csv:Start"] = "1993-01-29" });
        var factory = services.GetRequiredService<MarketSourceFactory>();

        Assert.Equal(new DateOnly(2010, 1, 4), factory.Create(MarketSourceKinds.Synthetic).DefaultStart);
        Assert.Equal(new DateOnly(1993, 1, 29), factory.Create(MarketSourceKinds.Csv).DefaultStart);
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_ones()
    {
        using var services = Services([]);

        var error = Assert.Throws<ArgumentException>(() => services.GetRequiredService<IMarketSourceFactory>().Create("parquet"));

        Assert.StartsWith("Unknown market source 'parquet'; use one of: synthetic, csv, live.", error.Message);
    }

    [Theory]
    [InlineData("Sources:Live:MaxRetries", "0")]
    [InlineData("Sources:Live:YahooBaseUrl", "query1.finance.yahoo.com")]
    [InlineData("Sources:Live:AttemptTimeout", "00:05:00")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddMlRiskSources(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message);
    }
}
