using MlRisk.Core.Contracts;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Curated rows of one symbol: ret_t = ln(adj_close_t / adj_close_{t-1}) over consecutive bars of one fetch.
/// Both prices of a return come from the same fetch whenever possible, so a source that re-bases its
/// adjusted history between fetches cannot put a jump into the returns.
/// </summary>
public static class CuratedReturns
{
    /// <summary>
    /// One row per bar that has a predecessor: the previous bar of <paramref name="bars"/>, or for the first
    /// bar <paramref name="previousAdjClose"/> (the stored adjusted close of the session before it; null when
    /// the first bar is stored already or is the symbol's first date, which then has no row).
    /// </summary>
    public static List<CuratedRow> Build(IReadOnlyList<SourceBar> bars, double? previousAdjClose)
    {
        var rows = new List<CuratedRow>(bars.Count);
        var previous = previousAdjClose;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (previous is { } p) rows.Add(new CuratedRow(bar.Symbol, bar.Date, Math.Log(bar.AdjClose / p), bar.AdjClose));
            previous = bar.AdjClose;
        }
        return rows;
    }
}
