using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// What a forecast is judged against: the training window of the model that made it — each feature's
/// <see cref="FeatureReference"/> for drift, and HAR-X fitted on the same rows (the benchmark the model must beat on the
/// same date), kept as its coefficients and floor.
/// </summary>
public sealed record MonitorReference(int WindowSessions, IReadOnlyList<FeatureReference> Features, IReadOnlyList<double> HarXCoefficients, double HarXFloor)
{
    /// <summary>Windows inside the training rows start this many sessions apart: the null needs their spread, not every overlap.</summary>
    public const int NullStride = 5;

    private HarModel? _harX;

    /// <summary>The HAR-X fit itself, rebuilt once from the stored coefficients.</summary>
    [JsonIgnore]
    public HarModel HarX => _harX ??= HarModel.FromCoefficients(HarKind.HarX, HarXCoefficients, HarXFloor);

    /// <summary>The reference of rows [0, <paramref name="trainEnd"/>) of <paramref name="set"/>, with windows of <paramref name="window"/> sessions.</summary>
    public static MonitorReference Of(TrainingSet set, int trainEnd, int window)
    {
        if (trainEnd < window + 1) throw new ArgumentException($"a training window of {trainEnd} rows is shorter than the monitor's window of {window} sessions", nameof(trainEnd));
        var features = new FeatureReference[FeatureNames.Count];
        var column = new double[trainEnd];
        var recent = new double[window];
        var psi = new List<double>();
        for (var f = 0; f < features.Length; f++)
        {
            for (var r = 0; r < trainEnd; r++) column[r] = set.Row(r)[f];
            var ordered = (double[])column.Clone();
            var percentiles = FeatureReference.PercentilesOf(ordered);
            psi.Clear();
            for (var end = trainEnd; end >= window; end -= NullStride)
            {
                Array.Copy(column, end - window, recent, 0, window);
                psi.Add(DriftScores.Psi(percentiles, recent));
            }
            psi.Sort();
            features[f] = new FeatureReference(FeatureNames.All[f], percentiles, QuantileGrid.SampleQuantile(psi, 0.99), psi[^1]);
        }
        var harX = HarModel.Fit(HarKind.HarX, set.Block(0, trainEnd), set.Rv5d.AsSpan(0, trainEnd));
        return new MonitorReference(window, features, harX.Coefficients, harX.Floor);
    }
}
