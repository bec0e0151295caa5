using MlRisk.Core.Contracts;
using ParquetSharp;
using ParquetSharp.IO;

namespace MlRisk.Core.Modeling;

/// <summary>
/// cv_predictions.parquet of a registered model: every walk-forward out-of-sample prediction with its fold, the
/// model's predictive distribution (the columns of <see cref="ForecastDistribution.ColumnNames"/>), the baseline,
/// HAR-RV and HAR-X forecasts, the realized rv_5d and 5-session return, its PIT, the calibration references, and the
/// model's top 3 drivers with their values and SHAP values (log-rv units). The infer stage serves history from this
/// file, so it is complete. Columns are written and read by name.
/// </summary>
public static class CvPredictionsFile
{
    public const string FileName = "cv_predictions.parquet";

    private const int Drivers = 3;

    private static readonly (string Name, Func<OutOfSamplePrediction, double> Value)[] Numbers =
    [
        .. ForecastDistribution.ColumnNames.Select((name, i) => (name, (Func<OutOfSamplePrediction, double>)(p => p.Distribution.ValueOf(i)))),
        (AccuracyTable.BaselineName, p => p.Baseline),
        (AccuracyTable.HarRvName, p => p.HarRv),
        (AccuracyTable.HarXName, p => p.HarX),
        ("rv_5d", p => p.Realized),
        ("ret_5d", p => p.RealizedReturn),
        ("pit", p => p.Pit),
        ("constant_q05", p => p.Reference.ConstantQ05),
        ("constant_q10", p => p.Reference.ConstantQ10),
        ("constant_q90", p => p.Reference.ConstantQ90),
        ("constant_q95", p => p.Reference.ConstantQ95),
        .. Regimes.Names.Select((regime, k) => ("climatology_" + regime, (Func<OutOfSamplePrediction, double>)(p => p.Reference.Climatology[k]))),
    ];

    /// <summary>The file's bytes, encoded in memory: the registry may keep them in a blob, not a file.</summary>
    public static byte[] Encode(IReadOnlyList<OutOfSamplePrediction> predictions)
    {
        var columns = new List<Column> { new Column<DateOnly>("date"), new Column<int>("fold") };
        foreach (var (name, _) in Numbers) columns.Add(new Column<double>(name));
        for (var d = 1; d <= Drivers; d++)
        {
            columns.Add(new Column<string>($"driver_{d}"));
            columns.Add(new Column<double>($"driver_{d}_value"));
            columns.Add(new Column<double>($"driver_{d}_shap"));
        }

        using var buffer = new BufferOutputStream();
        using (var file = new ParquetFileWriter(buffer, columns.ToArray(), Compression.Snappy))
        {
            using (var group = file.AppendRowGroup())
            {
                Write(group, predictions, p => p.Date);
                Write(group, predictions, p => p.Fold);
                foreach (var (_, value) in Numbers) Write(group, predictions, value);
                for (var d = 0; d < Drivers; d++)
                {
                    var driver = d;
                    Write(group, predictions, p => p.Drivers[driver].Feature);
                    Write(group, predictions, p => p.Drivers[driver].Value);
                    Write(group, predictions, p => p.Drivers[driver].Shap);
                }
            }
            file.Close();
        }
        using var bytes = buffer.Finish();
        return bytes.ToArray();
    }

    private static void Write<T>(RowGroupWriter group, IReadOnlyList<OutOfSamplePrediction> predictions, Func<OutOfSamplePrediction, T> value)
    {
        var values = new T[predictions.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(predictions[i]);
        using var writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values);
    }

    /// <param name="path">Where the bytes came from, for messages.</param>
    public static IReadOnlyList<OutOfSamplePrediction> Decode(byte[] bytes, string path)
    {
        using var file = new ParquetFileReader(new MemoryStream(bytes, writable: false), leaveOpen: false)
        {
            LogicalTypeFactory = new LogicalTypeFactory { DateAsDateOnly = true },
        };
        var schema = file.FileMetaData.Schema;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schema.NumColumns; i++) index[schema.Column(i).Name] = i;
        int Column(string name) => index.TryGetValue(name, out var i)
            ? i
            : throw new InvalidDataException($"{path} has no column '{name}': it was written by another model definition; retrain the model");

        var predictions = new List<OutOfSamplePrediction>();
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var rows = checked((int)group.MetaData.NumRows);
            var dates = Read<DateOnly>(group, Column("date"), rows);
            var folds = Read<int>(group, Column("fold"), rows);
            var numbers = Numbers.ToDictionary(n => n.Name, n => Read<double>(group, Column(n.Name), rows));
            var names = new string[Drivers][];
            var values = new double[Drivers][];
            var shaps = new double[Drivers][];
            for (var d = 0; d < Drivers; d++)
            {
                names[d] = Read<string>(group, Column($"driver_{d + 1}"), rows);
                values[d] = Read<double>(group, Column($"driver_{d + 1}_value"), rows);
                shaps[d] = Read<double>(group, Column($"driver_{d + 1}_shap"), rows);
            }
            for (var r = 0; r < rows; r++)
            {
                var drivers = new Driver[Drivers];
                for (var d = 0; d < Drivers; d++) drivers[d] = new Driver(names[d][r], values[d][r], shaps[d][r]);
                double N(string name) => numbers[name][r];
                var distribution = ForecastDistribution.FromValues([.. ForecastDistribution.ColumnNames.Select(N)]);
                var reference = new CalibrationReference(
                    N("constant_q05"), N("constant_q10"), N("constant_q90"), N("constant_q95"),
                    N("climatology_calm"), N("climatology_normal"), N("climatology_elevated"), N("climatology_stressed"));
                predictions.Add(new OutOfSamplePrediction(
                    dates[r], folds[r], distribution, N(AccuracyTable.BaselineName), N(AccuracyTable.HarRvName), N(AccuracyTable.HarXName),
                    N("rv_5d"), N("ret_5d"), N("pit"), drivers, reference));
            }
        }
        return predictions;
    }

    private static T[] Read<T>(RowGroupReader group, int column, int rows)
    {
        using var reader = group.Column(column).LogicalReader<T>();
        return reader.ReadAll(rows);
    }
}
