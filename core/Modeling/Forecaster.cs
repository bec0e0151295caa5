using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>Explained forecasts from a trained <see cref="VolatilityModel"/>: the predictive distribution plus the top-3 drivers.</summary>
public sealed class Forecaster(VolatilityModel model)
{
    public Forecast Explain(ReadOnlySpan<double> features) => ExplainBatch(features)[0];

    /// <summary>One forecast per row of a row-major feature matrix, in one native call for the whole batch.</summary>
    public IReadOnlyList<Forecast> ExplainBatch(ReadOnlySpan<double> features)
    {
        const int width = FeatureNames.Count + 1;
        var contributions = model.Contributions(features);
        var rows = contributions.Length / width;
        var forecasts = new Forecast[rows];
        for (var r = 0; r < rows; r++)
        {
            var shap = contributions.AsSpan(r * width, width);
            var logOutput = 0.0;
            for (var i = 0; i < width; i++) logOutput += shap[i];
            var row = features.Slice(r * FeatureNames.Count, FeatureNames.Count);
            forecasts[r] = new Forecast(model.Describe(logOutput, row), TopDrivers.Select(row, shap));
        }
        return forecasts;
    }
}
