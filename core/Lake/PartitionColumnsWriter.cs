using ParquetSharp;

namespace MlRisk.Core.Lake;

/// <summary>Writes a partition's columns, in contract order, into one row group.</summary>
internal sealed class PartitionColumnsWriter(RowGroupWriter rowGroup)
{
    public void Strings(string[] values)
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<string>();
        writer.WriteBatch(values);
    }

    public void Dates(DateOnly[] values)
    {
        var days = new int[values.Length];
        for (var i = 0; i < values.Length; i++) days[i] = ParquetLayout.ToDays(values[i]);
        using var writer = (ColumnWriter<int>)rowGroup.NextColumn();
        writer.WriteBatch(days);
    }

    public void Doubles(double[] values)
    {
        using var writer = (ColumnWriter<double>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    }

    public void Int64s(long[] values)
    {
        using var writer = (ColumnWriter<long>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    }

    public void StringLists(string[][] values)
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<string[]>();
        writer.WriteBatch(values);
    }

    public void DoubleLists(double[][] values)
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<double[]>();
        writer.WriteBatch(values);
    }
}
