using MlRisk.Core.Contracts;

namespace MlRisk.Core.Features;

/// <summary>
/// Builds labels_daily (DESIGN §1): rv_5d(t) = sqrt( r(t+1)^2 + r(t+2)^2 + r(t+3)^2 + r(t+4)^2 + r(t+5)^2 ),
/// r being SPY's curated daily log returns, not annualized, and the window's return ret_5d(t) = r(t+1) + … + r(t+5).
/// </summary>
public static class LabelBuilder
{
    /// <summary>Sessions ahead that a label sums over.</summary>
    public const int Horizon = LabelRow.HorizonSessions;

    private static readonly string[] LabelSymbols = [Symbols.Spy];

    /// <summary>
    /// One row for every SPY date with all 5 future returns, in date order.
    /// <paramref name="curated"/> may hold every symbol; only SPY is read.
    /// </summary>
    /// <exception cref="ArgumentException">A SPY row is a duplicate, or has a non-finite ret or a non-positive adj_close.</exception>
    public static IReadOnlyList<LabelRow> Build(IReadOnlyList<CuratedRow> curated)
    {
        var spy = CuratedSeries.Split(curated, LabelSymbols)[Symbols.Spy];
        // rv_5d(t) is the realized volatility of the 5 sessions ending at t + 5.
        var volatility = RealizedVolatility.Compute(spy.Ret, Horizon);
        var count = Math.Max(spy.Count - Horizon, 0);
        var rows = new List<LabelRow>(count);
        for (var t = 0; t < count; t++)
        {
            var ret5d = 0.0;
            for (var k = 1; k <= Horizon; k++) ret5d += spy.Ret[t + k];
            rows.Add(new LabelRow(spy.Dates[t], volatility[t + Horizon], ret5d));
        }
        return rows;
    }
}
