using System.Collections.Concurrent;
using ParquetSharp;
using ParquetSharp.IO;
using ParquetSharp.Schema;

namespace MlRisk.Core.Lake;

/// <summary>Turns the rows of one partition into the bytes of its Parquet file (one row group).</summary>
internal static class PartitionEncoder
{
    private static readonly ConcurrentDictionary<string, GroupNode> Schemas = new();

    public static byte[] Encode<TRow>(Dataset<TRow> dataset, IReadOnlyList<TRow> rows)
    {
        var schema = Schemas.GetOrAdd(dataset.Name, _ => ParquetLayout.Schema(dataset.Columns));
        var columns = new PartitionColumnsWriter(dataset, rows.Count);
        dataset.Encode(columns, rows);
        using var buffer = new BufferOutputStream();
        using (var file = new ParquetFileWriter(buffer, schema, ParquetLayout.WriterProperties))
        {
            using (var rowGroup = file.AppendRowGroup())
            {
                columns.WriteTo(rowGroup);
            }
            file.Close();
        }
        using var bytes = buffer.Finish();
        return bytes.ToArray();
    }
}
