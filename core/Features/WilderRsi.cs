namespace MlRisk.Core.Features;

/// <summary>
/// RSI with Wilder smoothing over price changes ΔP_t = P_t - P_{t-1} of the price rebuilt from log returns
/// (P_{-1} = 1, P_t = exp(r_0 + … + r_t)):
/// <code>
/// gain_t = max(ΔP_t, 0), loss_t = max(-ΔP_t, 0)
/// avgGain_{p-1} = mean(gain_0 … gain_{p-1}), avgLoss likewise          (seed: simple average of the first p)
/// avgGain_t = (avgGain_{t-1}·(p-1) + gain_t) / p, avgLoss likewise      (t ≥ p)
/// RSI_t = 100 - 100 / (1 + avgGain_t / avgLoss_t), and 100 when avgLoss_t = 0
/// </code>
/// Price differences rather than log returns, as in Wilder's definition. Rescaling P scales every ΔP and both
/// averages by the same factor, which cancels in the ratio, so the anchor of the rebuilt price (and any rebase of
/// the source prices) does not matter. The smoothing has infinite memory: RSI_t depends on the whole history from
/// its first return, all of it at or before t.
/// </summary>
internal static class WilderRsi
{
    /// <summary>RSI at every index; NaN for the first p-1 indices.</summary>
    public static double[] Compute(ReadOnlySpan<double> r, int p)
    {
        var result = new double[r.Length];
        var previousPrice = 1.0;
        var logPrice = 0.0;
        double avgGain = 0, avgLoss = 0;
        for (var t = 0; t < r.Length; t++)
        {
            logPrice += r[t];
            var price = Math.Exp(logPrice);
            var change = price - previousPrice;
            previousPrice = price;
            var gain = change > 0 ? change : 0.0;
            var loss = change < 0 ? -change : 0.0;

            if (t < p)
            {
                avgGain += gain;
                avgLoss += loss;
                if (t < p - 1)
                {
                    result[t] = double.NaN;
                    continue;
                }
                avgGain /= p;
                avgLoss /= p;
            }
            else
            {
                avgGain = (avgGain * (p - 1) + gain) / p;
                avgLoss = (avgLoss * (p - 1) + loss) / p;
            }
            result[t] = avgLoss == 0 ? 100.0 : 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
        }
        return result;
    }
}
