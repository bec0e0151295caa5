using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlRisk.Core.Observability;
using MlRisk.Functions;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Observability;

/// <summary>Logging:Format: what auto, json and text choose, and a bad value stopping every host at start naming the key.</summary>
public sealed class LoggingOptionsTests
{
    [Theory]
    [InlineData("auto", true, LogFormat.Text)]
    [InlineData("auto", false, LogFormat.Json)]
    [InlineData("json", true, LogFormat.Json)]
    [InlineData("json", false, LogFormat.Json)]
    [InlineData("text", true, LogFormat.Text)]
    [InlineData("text", false, LogFormat.Text)]
    [InlineData(" Text ", false, LogFormat.Text)]
    [InlineData("AUTO", true, LogFormat.Text)]
    public void Auto_is_text_only_at_a_terminal_and_json_and_text_are_what_they_say(string format, bool stdoutIsTerminal, LogFormat expected)
    {
        Assert.Equal(expected, LoggingOptions.Choose(format, stdoutIsTerminal));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_value_is_no_format(string? format)
    {
        Assert.Null(LoggingOptions.Choose(format, stdoutIsTerminal: true));
    }

    [Fact]
    public void The_default_is_auto()
    {
        Assert.Equal(LoggingOptions.Auto, new LoggingOptions().Format);
    }

    [Fact]
    public async Task A_bad_value_stops_the_standalone_host_at_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0"),
                builder => builder.Configuration[LoggingOptions.FormatKey] = "xml");
            await app.StartAsync();
        });

        Assert.Contains("'Logging:Format' must be auto, json or text", error.Message);
    }

    [Fact]
    public void A_bad_value_stops_the_functions_worker_at_start_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            using var worker = FunctionsWorker.Build([], builder => builder.Configuration[LoggingOptions.FormatKey] = "xml");
        });

        Assert.Contains("'Logging:Format' must be auto, json or text", error.Message);
    }

    [Fact]
    public void The_functions_worker_keeps_json_lines_by_default_and_text_when_asked()
    {
        using var auto = FunctionsWorker.Build([]);
        using var text = FunctionsWorker.Build([], builder => builder.Configuration[LoggingOptions.FormatKey] = "text");

        Assert.Equal(LogFormat.Json, auto.Services.GetRequiredService<ConsoleLogFormat>().Format);
        Assert.Equal(LogFormat.Text, text.Services.GetRequiredService<ConsoleLogFormat>().Format);
    }
}
