namespace MlRisk.Core.Modeling;

/// <summary>The linear benchmarks of DESIGN §5.</summary>
public enum HarKind
{
    /// <summary>HAR-RV (Corsi 2009): rv_5d on [1, |spy_ret_1d|*sqrt(5), spy_vol_5d, spy_vol_20d*sqrt(5/20)].</summary>
    HarRv,

    /// <summary>HAR-X: HAR-RV plus [vix/100*sqrt(5/252), vix_term].</summary>
    HarX,
}
