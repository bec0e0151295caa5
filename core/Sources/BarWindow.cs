using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources;

/// <summary>
/// Cuts a source's bars to what an ingest asked for: dates in [from, to] that are NYSE sessions.
/// Rows on days the exchange did not trade (a few index prints on exchange holidays) are left out and counted,
/// so the caller can report them.
/// </summary>
internal static class BarWindow
{
    public static List<SourceBar> Select(IReadOnlyList<SourceBar> bars, DateOnly from, DateOnly to, out List<DateOnly> nonSessions)
    {
        var selected = new List<SourceBar>();
        nonSessions = [];
        foreach (var bar in bars)
        {
            if (bar.Date < from || bar.Date > to) continue;
            if (TradingCalendar.IsTradingDay(bar.Date)) selected.Add(bar);
            else nonSessions.Add(bar.Date);
        }
        return selected;
    }
}
