using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>A top driver as the API returns it: the feature, its value in the forecast's input, its SHAP value (log-rv units).</summary>
public sealed record ForecastDriver(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("shap")] double Shap)
{
    public static IReadOnlyList<ForecastDriver> From(IReadOnlyList<Driver> drivers)
    {
        var result = new ForecastDriver[drivers.Count];
        for (var i = 0; i < drivers.Count; i++) result[i] = new(drivers[i].Feature, drivers[i].Value, drivers[i].Shap);
        return result;
    }

    public static IReadOnlyList<string> Names(IReadOnlyList<Driver> drivers)
    {
        var result = new string[drivers.Count];
        for (var i = 0; i < drivers.Count; i++) result[i] = drivers[i].Feature;
        return result;
    }
}
