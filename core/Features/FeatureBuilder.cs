using MlRisk.Core.Contracts;

namespace MlRisk.Core.Features;

/// <summary>
/// Builds features_daily (DESIGN §4) from curated returns, as of the close of each SPY session t:
/// <code>
/// spy_ret_n        = ln(P_t / P_{t-n}) = sum of the last n SPY log returns          n = 1, 5, 20
/// spy_vol_n        = sqrt(sum of r^2 over the n sessions ending at t)               n = 5, 10, 20
/// drawdown_60d     = 1 - P_t / max(P over the 60 sessions ending at t)
/// vix, vix3m       = index closes on t;  vix_term = vix3m / vix
/// rsi_spy_14       = 14-session Wilder RSI of SPY's price changes
/// corr_spy_x_20d   = Pearson correlation of daily log returns over 20 sessions      x = TLT, HYG
/// hyg_tlt_spread   = r_HYG(t) - r_TLT(t)
/// </code>
/// P is rebuilt from the curated log returns (exp of their running sum), never read from adj_close, so a dividend
/// re-adjustment that rebases a symbol's prices changes no feature. VIX and VIX3M are the exception by nature: the
/// feature is the index level itself, read from adj_close, which for an index (no dividends, no splits) is its close.
/// The calendar is SPY's sessions. TLT, HYG, VIX and VIX3M are forward-filled over at most
/// <see cref="MaxForwardFillSessions"/> missing sessions (return 0, level carried; the move lands on the session they
/// report again); a session on which any of them is staler than that gets no row. A session gets a row only when
/// all 14 features are defined: not before SPY's 60th curated session (the drawdown window), not before the 20th
/// session with a TLT and an HYG return, not before VIX3M's first curated row, and not where a correlation is undefined
/// because one side is flat over the window. Every feature of t reads only rows dated ≤ t. Rows of other symbols in
/// <c>curated</c> are not read. RSI's Wilder smoothing never forgets, so a feature of t depends on where the curated
/// history starts: pass the whole history every time, never a trailing slice.
/// </summary>
public static class FeatureBuilder
{
    /// <summary>How many consecutive SPY sessions a missing TLT, HYG, VIX or VIX3M value is carried forward.</summary>
    public const int MaxForwardFillSessions = 2;

    private const int RsiPeriod = 14;
    private const int DrawdownWindow = 60;
    private const int CorrelationWindow = 20;

    private static readonly string[] OtherSymbols = [Symbols.Tlt, Symbols.Hyg, Symbols.Vix, Symbols.Vix3m];

    /// <summary>
    /// One row for every SPY date whose inputs are complete, in date order.
    /// <paramref name="curated"/> holds the curated rows of all five symbols, in any order.
    /// </summary>
    /// <exception cref="ArgumentException">A curated row is a duplicate, or has a non-finite ret or a non-positive adj_close.</exception>
    /// <exception cref="InvalidOperationException">Some symbols have curated rows and others have none.</exception>
    public static IReadOnlyList<FeatureRow> Build(IReadOnlyList<CuratedRow> curated)
    {
        var series = CuratedSeries.Split(curated, Symbols.All);
        if (curated.Count == 0) return [];
        RequireEverySymbol(series);

        var spy = series[Symbols.Spy];
        var sessions = spy.Dates;
        var r = spy.Ret;
        var tlt = SessionAlignedSeries.Align(series[Symbols.Tlt], sessions, MaxForwardFillSessions);
        var hyg = SessionAlignedSeries.Align(series[Symbols.Hyg], sessions, MaxForwardFillSessions);
        var vix = SessionAlignedSeries.Align(series[Symbols.Vix], sessions, MaxForwardFillSessions);
        var vix3m = SessionAlignedSeries.Align(series[Symbols.Vix3m], sessions, MaxForwardFillSessions);

        var ret5 = TrailingReturn.Compute(r, 5);
        var ret20 = TrailingReturn.Compute(r, 20);
        var vol5 = RealizedVolatility.Compute(r, 5);
        var vol10 = RealizedVolatility.Compute(r, 10);
        var vol20 = RealizedVolatility.Compute(r, 20);
        var drawdown = Drawdown.Compute(r, DrawdownWindow);
        var rsi = WilderRsi.Compute(r, RsiPeriod);
        var corrTlt = RollingCorrelation.Compute(r, tlt.Ret, CorrelationWindow);
        var corrHyg = RollingCorrelation.Compute(r, hyg.Ret, CorrelationWindow);

        var rows = new List<FeatureRow>(sessions.Length);
        for (var t = 0; t < sessions.Length; t++)
        {
            if (!(tlt.Fresh[t] && hyg.Fresh[t] && vix.Fresh[t] && vix3m.Fresh[t])) continue;

            // Same order as FeatureNames.All.
            double[] values =
            [
                r[t], ret5[t], ret20[t],
                vol5[t], vol10[t], vol20[t],
                drawdown[t],
                vix.Level[t], vix3m.Level[t], vix3m.Level[t] / vix.Level[t],
                rsi[t],
                corrTlt[t], corrHyg[t],
                hyg.Ret[t] - tlt.Ret[t],
            ];
            if (AllDefined(values)) rows.Add(new FeatureRow(sessions[t], values));
        }
        return rows;
    }

    private static bool AllDefined(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) return false;
        }
        return true;
    }

    private static void RequireEverySymbol(Dictionary<string, CuratedSeries> series)
    {
        var missing = new List<string>();
        foreach (var symbol in Symbols.All)
        {
            if (series[symbol].Count == 0) missing.Add(symbol);
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"features need curated rows of {string.Join(", ", Symbols.All)}; none for {string.Join(", ", missing)} — ingest {(missing.Count == 1 ? "that symbol" : "those symbols")} first.");
        }
    }
}
