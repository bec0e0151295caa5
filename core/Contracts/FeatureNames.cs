namespace MlRisk.Core.Contracts;

/// <summary>
/// The 14 model features of DESIGN §4, in the one order used everywhere: feature vectors,
/// the features_daily columns, the LightGBM column order and SHAP output.
/// </summary>
public static class FeatureNames
{
    public const string SpyRet1d = "spy_ret_1d";
    public const string SpyRet5d = "spy_ret_5d";
    public const string SpyRet20d = "spy_ret_20d";
    public const string SpyVol5d = "spy_vol_5d";
    public const string SpyVol10d = "spy_vol_10d";
    public const string SpyVol20d = "spy_vol_20d";
    public const string Drawdown60d = "drawdown_60d";
    public const string Vix = "vix";
    public const string Vix3m = "vix3m";
    public const string VixTerm = "vix_term";
    public const string RsiSpy14 = "rsi_spy_14";
    public const string CorrSpyTlt20d = "corr_spy_tlt_20d";
    public const string CorrSpyHyg20d = "corr_spy_hyg_20d";
    public const string HygTltSpread = "hyg_tlt_spread";

    public static readonly IReadOnlyList<string> All =
    [
        SpyRet1d, SpyRet5d, SpyRet20d, SpyVol5d, SpyVol10d, SpyVol20d, Drawdown60d,
        Vix, Vix3m, VixTerm, RsiSpy14, CorrSpyTlt20d, CorrSpyHyg20d, HygTltSpread,
    ];

    public const int Count = 14;

    /// <summary>Column index of a feature name, or -1 when the name is not a feature.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == name) return i;
        }
        return -1;
    }
}
