namespace MlRisk.Core.Contracts;

/// <summary>
/// The largest daily log return a source may report before it is treated as a data error (DESIGN §3). The
/// curated dataset checks each return against these, and the feature domain derives its bounds on multi-day
/// returns and vols from them.
/// </summary>
public static class ReturnBounds
{
    /// <summary>|ret| at or above this is a data error, not a market move (-39% / +65% in a day): DESIGN §3's bound for traded instruments.</summary>
    public const double Traded = 0.5;

    /// <summary>
    /// The bound for the volatility indices, whose real moves exceed the traded one: VIX rose 116% (ret 0.768) and
    /// VIX3M 65% (ret 0.502) on 2018-02-05. A one-day move past 2.7x (ret 1) is still treated as a data error.
    /// </summary>
    public const double Index = 1.0;

    public static double Of(string symbol) => symbol is Symbols.Vix or Symbols.Vix3m ? Index : Traded;
}
