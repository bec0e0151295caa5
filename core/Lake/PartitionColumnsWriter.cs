using ParquetSharp;

namespace MlRisk.Core.Lake;

/// <summary>
/// Collects a partition's columns by contract name, each checked against the contract's name and type, then writes
/// them into one row group in contract order, whatever order the dataset gave them in. The mirror of
/// <see cref="PartitionColumnsReader"/>: a column given twice, missing, of the wrong type or length fails the
/// encode instead of landing silently under another column's name.
/// </summary>
internal sealed class PartitionColumnsWriter(DatasetContract dataset, int rows)
{
    private readonly Dictionary<string, Action<RowGroupWriter>> _columns = new(StringComparer.Ordinal);

    public void Strings(string column, string[] values) => Add(column, ColumnType.String, values.Length, rowGroup =>
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<string>();
        writer.WriteBatch(values);
    });

    public void Dates(string column, DateOnly[] values) => Add(column, ColumnType.Date, values.Length, rowGroup =>
    {
        var days = new int[values.Length];
        for (var i = 0; i < values.Length; i++) days[i] = ParquetLayout.ToDays(values[i]);
        using var writer = (ColumnWriter<int>)rowGroup.NextColumn();
        writer.WriteBatch(days);
    });

    public void Doubles(string column, double[] values) => Add(column, ColumnType.Double, values.Length, rowGroup =>
    {
        using var writer = (ColumnWriter<double>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    });

    public void Int64s(string column, long[] values) => Add(column, ColumnType.Int64, values.Length, rowGroup =>
    {
        using var writer = (ColumnWriter<long>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    });

    public void StringLists(string column, string[][] values) => Add(column, ColumnType.StringList, values.Length, rowGroup =>
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<string[]>();
        writer.WriteBatch(values);
    });

    public void DoubleLists(string column, double[][] values) => Add(column, ColumnType.DoubleList, values.Length, rowGroup =>
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<double[]>();
        writer.WriteBatch(values);
    });

    /// <summary>Writes every contract column in contract order; throws naming the first column the dataset did not give.</summary>
    public void WriteTo(RowGroupWriter rowGroup)
    {
        foreach (var column in dataset.Columns)
        {
            if (!_columns.TryGetValue(column.Name, out var write))
            {
                throw new InvalidOperationException($"{dataset.Name}: column {column.Name} was not encoded");
            }
            write(rowGroup);
        }
    }

    private void Add(string column, ColumnType type, int length, Action<RowGroupWriter> write)
    {
        dataset.Column(column, type);
        if (length != rows) throw new ArgumentException($"{dataset.Name}.{column}: {length} values for {rows} rows", nameof(column));
        if (!_columns.TryAdd(column, write)) throw new ArgumentException($"{dataset.Name}.{column} is encoded twice", nameof(column));
    }
}
