using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Synthetic;

/// <summary>
/// A simulated daily market for SPY, TLT, HYG, VIX and VIX3M on the NYSE calendar (write-up with the calibration
/// and the known differences from real markets: core/Sources/Synthetic/README.md). Daily units; t is a session.
/// <code>
/// SPY volatility, two log-vol components (slow regime s, fast EGARCH-like f):
///   x_t     = s_t + f_t                        (log vol relative to the median: the stress level)
///   σ_t     = exp(m + x_t),   m = ln(0.13/√252), clamped to [4%, 100%] annualized
///   s_{t+1} = φ_s s_t + θ_s η_t                φ_s = 0.997, sd(s) = 0.30
///   f_{t+1} = φ_f f_t + α(|z_t| − √(2/π)) + γ z_t + κ·min(2, max(0, −J_t)/0.03),  clamped to [−1.5, 2]
///             φ_f = 0.95, α = 0.09, γ = −0.10 (leverage: falls raise vol), κ = 0.45 (crashes raise vol)
/// SPY return with jumps whose intensity rises with vol:
///   r_t = μ − σ_t²/2 + σ_t z_t + J_t,   J_t ~ N(−3%, 2%) with probability λ₀·min(5, e^{1.5 x_t}), λ₀ = 1.5/252
/// TLT, HYG: one market shock z, a rates shock z_r, a credit shock z_c; correlations move with the regime:
///   ρ_T = tanh(c_t − 0.8·max(0, x_t)),   c mean-reverting around −0.3 (φ = 0.996, sd 0.35): flight to quality in stress
///   r_TLT = μ_T − σ_T²/2 + σ_T(ρ_T z + √(1−ρ_T²) z_r) − 0.15 J,   ln σ_T = ln(0.14/√252) + g_t + 0.25 f_t
///   ρ_H = clamp(0.6 + h_t + 0.25·tanh(x_t/0.5), 0.1, 0.95),   σ_H = √(σ_H0² + (0.3 σ_t)²),  σ_H0 = 3.5%/√252
///   r_HYG = μ_H − σ_H²/2 + σ_H(ρ_H z + √(1−ρ_H²)(0.35 z_r + 0.937 z_c)) + 0.3 J
/// VIX, VIX3M: the model's own expected variance over 21 and 63 sessions, plus a risk premium that is larger in calm:
///   EV_H  = (1/H) Σ_{k=1..H} exp(2(m + φ_s^{k−1} s_{t+1} + φ_f^{k−1} f_{t+1}) + 2 V_{k−1}) + λ_{t+1} E[J²]
///   V_j   = θ_s²(1−φ_s^{2j})/(1−φ_s²) + v_f(1−φ_f^{2j})/(1−φ_f²),   v_f = α²(1 − 2/π) + γ²
///   VIX*  = 100 √(252 EV_21) (1.18 + 0.08 tanh(−x_{t+1}/0.5)) e^{ν_t}
///   VIX3M* = 100 √(252 EV_63) (1.23 + 0.05 tanh(−x_{t+1}/0.5)) e^{ν_t/2 + ν3_t}      (ν, ν3: AR(1) noise, φ = 0.85)
///   VIX_t = VIX_{t−1} exp(0.45 tanh(ln(VIX*/VIX_{t−1})/0.45)), likewise VIX3M
/// </code>
/// Mean reversion of f makes the term structure slope up when f &lt; 0 (calm) and invert when f is high (stress).
/// The path is generated forward from the start with one seeded <see cref="Xoshiro256StarStar"/> and a fixed number
/// of draws per session, so the bars of a date never depend on how far the simulation runs.
/// </summary>
internal static class SyntheticMarket
{
    private const int TradingDays = 252;
    private const int BurnInSessions = 60;

    private static readonly double M = Math.Log(0.13 / Math.Sqrt(TradingDays));
    private static readonly double LnSigmaMin = Math.Log(0.04 / Math.Sqrt(TradingDays));
    private static readonly double LnSigmaMax = Math.Log(1.00 / Math.Sqrt(TradingDays));

    private const double PhiSlow = 0.997;
    private const double SdSlow = 0.30;
    private static readonly double ThetaSlow = SdSlow * Math.Sqrt(1 - PhiSlow * PhiSlow);

    private const double PhiFast = 0.95;
    private const double Alpha = 0.09;
    private const double Gamma = -0.10;
    private const double Kappa = 0.45;
    private const double MaxJumpFeedback = 2.0;
    private const double FastMin = -1.5;
    private const double FastMax = 2.0;
    private static readonly double MeanAbsNormal = Math.Sqrt(2 / Math.PI);
    private static readonly double VarFastShock = Alpha * Alpha * (1 - 2 / Math.PI) + Gamma * Gamma;
    private static readonly double SdFast = Math.Sqrt(VarFastShock / (1 - PhiFast * PhiFast));

    private const double SpyDrift = 0.07 / TradingDays;
    private const double JumpIntensity = 1.5 / TradingDays;
    private const double JumpMean = -0.03;
    private const double JumpSd = 0.02;
    private const double JumpSecondMoment = JumpMean * JumpMean + JumpSd * JumpSd;

    private static readonly double LnSigmaTlt = Math.Log(0.14 / Math.Sqrt(TradingDays));
    private static readonly double LnSigmaTltMin = Math.Log(0.03 / Math.Sqrt(TradingDays));
    private static readonly double LnSigmaTltMax = Math.Log(0.40 / Math.Sqrt(TradingDays));
    private const double PhiTltVol = 0.985;
    private const double SdTltVol = 0.26;
    private static readonly double ThetaTltVol = SdTltVol * Math.Sqrt(1 - PhiTltVol * PhiTltVol);
    private const double TltDrift = 0.03 / TradingDays;
    private const double CorrTltMean = -0.3;
    private const double PhiCorrTlt = 0.996;
    private const double SdCorrTlt = 0.35;
    private static readonly double ThetaCorrTlt = SdCorrTlt * Math.Sqrt(1 - PhiCorrTlt * PhiCorrTlt);

    private static readonly double SigmaHygFloor = 0.035 / Math.Sqrt(TradingDays);
    private const double HygDrift = 0.05 / TradingDays;
    private const double PhiCorrHyg = 0.99;
    private const double SdCorrHyg = 0.10;
    private static readonly double ThetaCorrHyg = SdCorrHyg * Math.Sqrt(1 - PhiCorrHyg * PhiCorrHyg);

    private const int VixHorizon = 21;
    private const int Vix3mHorizon = 63;
    private const double PhiVixNoise = 0.85;
    private const double ThetaVixNoise = 0.035;
    private const double ThetaVix3mNoise = 0.015;
    private const double MaxIndexMove = 0.45;

    private const double SpyStart = 90, TltStart = 95, HygStart = 55;
    private const double SpyVolume = 1.2e8, TltVolume = 1.0e7, HygVolume = 1.5e7;

    /// <summary>The stock–bond shock correlation after <see cref="SyntheticSourceOptions.StockBondBreak"/>.</summary>
    public const double BrokenStockBondCorrelation = 0.8;

    /// <summary>Simulates every session from the first one on or after <paramref name="start"/> up to <paramref name="to"/>.</summary>
    /// <param name="stockBondBreak">see <see cref="SyntheticSourceOptions.StockBondBreak"/>.</param>
    public static SyntheticPath Simulate(ulong seed, DateOnly start, DateOnly to, DateOnly? stockBondBreak = null)
    {
        var dates = TradingCalendar.Sessions(start, to).ToArray();
        var path = new SyntheticPath(dates.Length);
        dates.CopyTo(path.Dates, 0);

        var rng = new Xoshiro256StarStar(seed);
        var term = new TermStructure();

        // Latent state drawn from its stationary law, then run for a short burn-in so the fast components
        // and the VIX noise carry history on the first recorded session.
        double s = SdSlow * rng.NextNormal(), f = SdFast * rng.NextNormal();
        double g = SdTltVol * rng.NextNormal(), c = CorrTltMean + SdCorrTlt * rng.NextNormal();
        double h = SdCorrHyg * rng.NextNormal(), nu = 0, nu3 = 0;
        double spy = SpyStart, tlt = TltStart, hyg = HygStart, vix = 0, vix3m = 0;

        for (var t = -BurnInSessions; t < dates.Length; t++)
        {
            if (t == 0)
            {
                spy = SpyStart;
                tlt = TltStart;
                hyg = HygStart;
            }

            // Every session consumes the same draws in the same order, whatever happens on it.
            double z = rng.NextNormal(), zRate = rng.NextNormal(), zCredit = rng.NextNormal();
            double eta = rng.NextNormal(), uTltVol = rng.NextNormal(), uCorrTlt = rng.NextNormal(), uCorrHyg = rng.NextNormal();
            double uJump = rng.NextUniform(), zJump = rng.NextNormal();
            double uVix = rng.NextNormal(), uVix3m = rng.NextNormal();

            var x = s + f;
            var sigma = Math.Exp(Math.Clamp(M + x, LnSigmaMin, LnSigmaMax));
            var intensity = JumpIntensity * Math.Min(5.0, Math.Exp(1.5 * x));
            var jump = uJump < intensity ? JumpMean + JumpSd * zJump : 0.0;
            var rSpy = SpyDrift - 0.5 * sigma * sigma + sigma * z + jump;

            var sigmaTlt = Math.Exp(Math.Clamp(LnSigmaTlt + g + 0.25 * f, LnSigmaTltMin, LnSigmaTltMax));
            var rhoTlt = t >= 0 && dates[t] >= stockBondBreak ? BrokenStockBondCorrelation : Math.Tanh(c - 0.8 * Math.Max(0.0, x));
            var rTlt = TltDrift - 0.5 * sigmaTlt * sigmaTlt
                + sigmaTlt * (rhoTlt * z + Math.Sqrt(1 - rhoTlt * rhoTlt) * zRate) - 0.15 * jump;

            var sigmaHyg = Math.Sqrt(SigmaHygFloor * SigmaHygFloor + 0.09 * sigma * sigma);
            var rhoHyg = Math.Clamp(0.6 + h + 0.25 * Math.Tanh(x / 0.5), 0.1, 0.95);
            var rHyg = HygDrift - 0.5 * sigmaHyg * sigmaHyg
                + sigmaHyg * (rhoHyg * z + Math.Sqrt(1 - rhoHyg * rhoHyg) * (0.35 * zRate + 0.937 * zCredit)) + 0.3 * jump;

            var spyBar = NextEtfBar(rng, Symbols.Spy, spy, rSpy, sigma, SpyVolume * Math.Exp(0.7 * x));
            var tltBar = NextEtfBar(rng, Symbols.Tlt, tlt, rTlt, sigmaTlt, TltVolume * Math.Exp(0.5 * g));
            var hygBar = NextEtfBar(rng, Symbols.Hyg, hyg, rHyg, sigmaHyg, HygVolume * Math.Exp(0.5 * x));
            spy *= Math.Exp(rSpy);
            tlt *= Math.Exp(rTlt);
            hyg *= Math.Exp(rHyg);

            s = PhiSlow * s + ThetaSlow * eta;
            f = Math.Clamp(
                PhiFast * f + Alpha * (Math.Abs(z) - MeanAbsNormal) + Gamma * z + Kappa * Math.Min(MaxJumpFeedback, Math.Max(0.0, -jump) / 0.03),
                FastMin, FastMax);
            g = PhiTltVol * g + ThetaTltVol * uTltVol;
            c = CorrTltMean + PhiCorrTlt * (c - CorrTltMean) + ThetaCorrTlt * uCorrTlt;
            h = PhiCorrHyg * h + ThetaCorrHyg * uCorrHyg;
            nu = PhiVixNoise * nu + ThetaVixNoise * uVix;
            nu3 = PhiVixNoise * nu3 + ThetaVix3mNoise * uVix3m;

            // The indices close on the state known after today's shock: tomorrow's σ is already determined.
            var xNext = s + f;
            var jumpVariance = JumpIntensity * Math.Min(5.0, Math.Exp(1.5 * xNext)) * JumpSecondMoment;
            var vixTarget = 100 * Math.Sqrt(TradingDays * (term.ExpectedVariance(s, f, VixHorizon) + jumpVariance))
                * (1.18 + 0.08 * Math.Tanh(-xNext / 0.5)) * Math.Exp(nu);
            var vix3mTarget = 100 * Math.Sqrt(TradingDays * (term.ExpectedVariance(s, f, Vix3mHorizon) + jumpVariance))
                * (1.23 + 0.05 * Math.Tanh(-xNext / 0.5)) * Math.Exp(0.5 * nu + nu3);
            var newVix = vix == 0 ? vixTarget : Reprice(vix, vixTarget);
            var newVix3m = vix3m == 0 ? vix3mTarget : Reprice(vix3m, vix3mTarget);
            var vixBar = NextIndexBar(rng, Symbols.Vix, vix == 0 ? newVix : vix, newVix);
            var vix3mBar = NextIndexBar(rng, Symbols.Vix3m, vix3m == 0 ? newVix3m : vix3m, newVix3m);
            vix = newVix;
            vix3m = newVix3m;

            if (t < 0) continue;
            var date = dates[t];
            path.Spy[t] = spyBar with { Date = date };
            path.Tlt[t] = tltBar with { Date = date };
            path.Hyg[t] = hygBar with { Date = date };
            path.Vix[t] = vixBar with { Date = date };
            path.Vix3m[t] = vix3mBar with { Date = date };
            path.SpyVolatility[t] = sigma * Math.Sqrt(TradingDays);
            path.SpyJump[t] = jump;
            path.RhoSpyTlt[t] = rhoTlt;
            path.RhoSpyHyg[t] = rhoHyg;
        }
        return path;
    }

    /// <summary>
    /// An ETF's bar from the previous close and today's log return r: the open takes part of the move overnight,
    /// the high and low reach past the open and close by a half-normal multiple of the day's volatility
    /// (mean range ln(H/L) ≈ 1.4σ, as in SPY's history). Prices round to 4 decimals, which keeps OHLC consistent.
    /// </summary>
    private static SourceBar NextEtfBar(Xoshiro256StarStar rng, string symbol, double previousClose, double r, double sigma, double meanVolume)
    {
        double uOpen = rng.NextNormal(), uHigh = rng.NextNormal(), uLow = rng.NextNormal(), uVolume = rng.NextNormal();
        var close = previousClose * Math.Exp(r);
        var open = previousClose * Math.Exp(0.35 * r + 0.2 * sigma * uOpen);
        var high = Math.Max(open, close) * Math.Exp(0.5 * sigma * Math.Abs(uHigh));
        var low = Math.Min(open, close) * Math.Exp(-0.5 * sigma * Math.Abs(uLow));
        var volume = (long)Math.Round(meanVolume * Math.Exp(0.25 * uVolume - 0.5 * 0.25 * 0.25)); // lognormal with mean meanVolume
        close = Math.Round(close, 4);
        return new SourceBar(symbol, default, Math.Round(open, 4), Math.Round(high, 4), Math.Round(low, 4), close, close, volume);
    }

    /// <summary>
    /// Moves an index toward its model value, saturating the daily log change at ±<see cref="MaxIndexMove"/>
    /// (ln Δ = 0.45·tanh(ln(target/previous)/0.45)): a crash reprices VIX over two or three sessions, as in 2008
    /// and 2020, instead of one impossible print, and the lake's |ret| &lt; 0.5 check holds.
    /// </summary>
    private static double Reprice(double previous, double target) =>
        previous * Math.Exp(MaxIndexMove * Math.Tanh(Math.Log(target / previous) / MaxIndexMove));

    /// <summary>An index bar: it opens with most of the overnight repricing and trades a few percent around it; no volume.</summary>
    private static SourceBar NextIndexBar(Xoshiro256StarStar rng, string symbol, double previousClose, double close)
    {
        double uOpen = rng.NextNormal(), uHigh = rng.NextNormal(), uLow = rng.NextNormal();
        var open = previousClose * Math.Exp(0.6 * Math.Log(close / previousClose) + 0.02 * uOpen);
        var high = Math.Max(open, close) * Math.Exp(0.025 * Math.Abs(uHigh));
        var low = Math.Min(open, close) * Math.Exp(-0.025 * Math.Abs(uLow));
        var rounded = Math.Round(close, 2);
        return new SourceBar(symbol, default, Math.Round(open, 2), Math.Round(high, 2), Math.Round(low, 2), rounded, rounded, 0);
    }

    /// <summary>
    /// E[σ²] over the next H sessions under the log-vol model, with the AR powers and the conditional variances V_j
    /// tabulated once: E[σ²_{t+k}] = exp(2(m + φ_s^{k−1} s + φ_f^{k−1} f) + 2 V_{k−1}).
    /// </summary>
    private sealed class TermStructure
    {
        private readonly double[] _phiSlowPow = new double[Vix3mHorizon];
        private readonly double[] _phiFastPow = new double[Vix3mHorizon];
        private readonly double[] _conditionalVariance = new double[Vix3mHorizon];

        public TermStructure()
        {
            for (var j = 0; j < Vix3mHorizon; j++)
            {
                _phiSlowPow[j] = Math.Pow(PhiSlow, j);
                _phiFastPow[j] = Math.Pow(PhiFast, j);
                _conditionalVariance[j] =
                    ThetaSlow * ThetaSlow * (1 - Math.Pow(PhiSlow, 2 * j)) / (1 - PhiSlow * PhiSlow)
                    + VarFastShock * (1 - Math.Pow(PhiFast, 2 * j)) / (1 - PhiFast * PhiFast);
            }
        }

        public double ExpectedVariance(double s, double f, int horizon)
        {
            var sum = 0.0;
            for (var j = 0; j < horizon; j++)
            {
                var lnSigma = Math.Min(M + _phiSlowPow[j] * s + _phiFastPow[j] * f, LnSigmaMax);
                sum += Math.Exp(2 * lnSigma + 2 * _conditionalVariance[j]);
            }
            return sum / horizon;
        }
    }
}
