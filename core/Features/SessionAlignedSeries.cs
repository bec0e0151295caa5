namespace MlRisk.Core.Features;

/// <summary>
/// A non-SPY symbol put on SPY's sessions d_0 &lt; d_1 &lt; … (the feature calendar).
/// <list type="bullet">
/// <item>Ret[i] = sum of the symbol's curated returns dated in (d_{i-1}, d_i]: the log change of its rebuilt
/// price between two sessions, so a gap in the symbol shows up as 0 on the missing session and the whole move
/// on the session it reports again. NaN (undefined) until the symbol has a row at or before d_{i-1}.</item>
/// <item>Level[i] = adj_close of the symbol's last row dated ≤ d_i, carried over missing sessions; NaN before its first row.</item>
/// <item>Fresh[i] = the symbol has a row, and its last row is at most <c>maxForwardFill</c> sessions old
/// (0 when it has a row on d_i itself). A session that is not fresh gets no feature row.</item>
/// </list>
/// Only rows dated ≤ d_i are read for session i, so nothing after t reaches a feature of t.
/// </summary>
internal sealed class SessionAlignedSeries
{
    private SessionAlignedSeries(double[] ret, double[] level, bool[] fresh)
    {
        Ret = ret;
        Level = level;
        Fresh = fresh;
    }

    public double[] Ret { get; }

    public double[] Level { get; }

    public bool[] Fresh { get; }

    public static SessionAlignedSeries Align(CuratedSeries symbol, ReadOnlySpan<DateOnly> sessions, int maxForwardFill)
    {
        var ret = new double[sessions.Length];
        var level = new double[sessions.Length];
        var fresh = new bool[sessions.Length];

        var next = 0;
        var seenBeforeSession = false;
        var sessionsSinceLastRow = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            var seenBefore = seenBeforeSession;
            var retSinceLastSession = 0.0;
            var rowsThisStep = 0;
            var lastRowDate = default(DateOnly);
            while (next < symbol.Count && symbol.Dates[next] <= session)
            {
                retSinceLastSession += symbol.Ret[next];
                lastRowDate = symbol.Dates[next];
                rowsThisStep++;
                next++;
            }

            if (rowsThisStep > 0)
            {
                // A row dated between two sessions (not a SPY date) is already one session old at d_i.
                sessionsSinceLastRow = lastRowDate == session ? 0 : 1;
                seenBeforeSession = true;
            }
            else if (seenBeforeSession)
            {
                sessionsSinceLastRow++;
            }

            if (!seenBeforeSession)
            {
                ret[i] = double.NaN;
                level[i] = double.NaN;
                fresh[i] = false;
                continue;
            }

            ret[i] = seenBefore ? retSinceLastSession : double.NaN;
            level[i] = symbol.AdjClose[next - 1];
            fresh[i] = sessionsSinceLastRow <= maxForwardFill;
        }
        return new SessionAlignedSeries(ret, level, fresh);
    }
}
