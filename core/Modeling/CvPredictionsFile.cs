using MlRisk.Core.Contracts;
using ParquetSharp;

namespace MlRisk.Core.Modeling;

/// <summary>
/// cv_predictions.parquet of a registered model: every walk-forward out-of-sample prediction with its fold,
/// the baseline, HAR-RV and HAR-X forecasts, the realized rv_5d and the model's top 3 drivers with their
/// values and SHAP values (log-rv units). The infer stage serves history from this file, so it is complete.
/// </summary>
public static class CvPredictionsFile
{
    public const string FileName = "cv_predictions.parquet";

    private static readonly string[] ForecastColumns = [AccuracyTable.ModelName, AccuracyTable.BaselineName, AccuracyTable.HarRvName, AccuracyTable.HarXName, "realized"];

    public static void Write(string path, IReadOnlyList<OutOfSamplePrediction> predictions)
    {
        var columns = new List<Column> { new Column<DateOnly>("date"), new Column<int>("fold") };
        foreach (var name in ForecastColumns) columns.Add(new Column<double>(name));
        for (var d = 1; d <= 3; d++)
        {
            columns.Add(new Column<string>($"driver_{d}"));
            columns.Add(new Column<double>($"driver_{d}_value"));
            columns.Add(new Column<double>($"driver_{d}_shap"));
        }

        using var file = new ParquetFileWriter(path, columns.ToArray(), Compression.Snappy);
        using var group = file.AppendRowGroup();
        Write(group, predictions, p => p.Date);
        Write(group, predictions, p => p.Fold);
        Write(group, predictions, p => p.Model);
        Write(group, predictions, p => p.Baseline);
        Write(group, predictions, p => p.HarRv);
        Write(group, predictions, p => p.HarX);
        Write(group, predictions, p => p.Realized);
        for (var d = 0; d < 3; d++)
        {
            var driver = d;
            Write(group, predictions, p => p.Drivers[driver].Feature);
            Write(group, predictions, p => p.Drivers[driver].Value);
            Write(group, predictions, p => p.Drivers[driver].Shap);
        }
        file.Close();
    }

    private static void Write<T>(RowGroupWriter group, IReadOnlyList<OutOfSamplePrediction> predictions, Func<OutOfSamplePrediction, T> value)
    {
        var values = new T[predictions.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(predictions[i]);
        using var writer = group.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values);
    }

    public static IReadOnlyList<OutOfSamplePrediction> Read(string path)
    {
        using var file = new ParquetFileReader(path) { LogicalTypeFactory = new LogicalTypeFactory { DateAsDateOnly = true } };
        var predictions = new List<OutOfSamplePrediction>();
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var rows = checked((int)group.MetaData.NumRows);
            var column = 0;
            var dates = Read<DateOnly>(group, column++, rows);
            var folds = Read<int>(group, column++, rows);
            var forecasts = new double[ForecastColumns.Length][];
            for (var f = 0; f < forecasts.Length; f++) forecasts[f] = Read<double>(group, column++, rows);
            var names = new string[3][];
            var values = new double[3][];
            var shaps = new double[3][];
            for (var d = 0; d < 3; d++)
            {
                names[d] = Read<string>(group, column++, rows);
                values[d] = Read<double>(group, column++, rows);
                shaps[d] = Read<double>(group, column++, rows);
            }
            for (var r = 0; r < rows; r++)
            {
                var drivers = new Driver[3];
                for (var d = 0; d < 3; d++) drivers[d] = new Driver(names[d][r], values[d][r], shaps[d][r]);
                predictions.Add(new OutOfSamplePrediction(
                    dates[r], folds[r], forecasts[0][r], forecasts[1][r], forecasts[2][r], forecasts[3][r], forecasts[4][r], drivers));
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
