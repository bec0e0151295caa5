namespace MlRisk.Core.Contracts;

/// <summary>One daily bar as a source reports it. AdjClose equals Close where the source has no adjusted close.</summary>
public sealed record SourceBar(
    string Symbol, DateOnly Date, double Open, double High, double Low, double Close, double AdjClose, long Volume);

/// <summary>A row of curated.market_daily: ret = ln(adj_close_t / adj_close_{t-1}); a symbol's first date has no row.</summary>
public sealed record CuratedRow(string Symbol, DateOnly Date, double Ret, double AdjClose);

/// <summary>A row of features_daily: the features of one date.</summary>
public sealed record FeatureRow(DateOnly Date, FeatureVector Features)
{
    public double this[string feature] => Features[feature];
}

/// <summary>
/// A row of labels_daily: rv_5d(t) = sqrt(sum of r(t+1..t+5)^2) of SPY's log returns, and the same window's return
/// R5(t) = r(t+1) + … + r(t+5), which the value-at-risk is fitted on and backtested against.
/// </summary>
public sealed record LabelRow(DateOnly Date, double Rv5d, double Ret5d)
{
    /// <summary>The sessions after its date that a label reads: a model trained on a row has seen returns this far ahead.</summary>
    public const int HorizonSessions = 5;
}

/// <summary>One of the top drivers of a forecast: the feature, its value and its SHAP contribution (log-rv units).</summary>
public sealed record Driver(string Feature, double Value, double Shap)
{
    /// <summary>How many drivers a forecast names (DESIGN §3: exactly 3 distinct features).</summary>
    public const int PerForecast = 3;

    public static IReadOnlyList<string> Names(IReadOnlyList<Driver> drivers)
    {
        var result = new string[drivers.Count];
        for (var i = 0; i < drivers.Count; i++) result[i] = drivers[i].Feature;
        return result;
    }
}

/// <summary>
/// A row of predictions_daily: the predictive distribution of one date, its drivers and its provenance. Source is
/// "walk_forward" for an out-of-sample fold prediction and "champion" for a date after the last fold.
/// </summary>
public sealed record PredictionRow(
    DateOnly Date, ForecastDistribution Distribution, IReadOnlyList<Driver> TopDrivers, string ModelVersion, string Source)
{
    /// <summary>E[rv_5d]: the point forecast.</summary>
    public double Rv5dHat => Distribution.Rv5dHat;
}
