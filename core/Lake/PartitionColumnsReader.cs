using ParquetSharp;

namespace MlRisk.Core.Lake;

/// <summary>
/// Reads a partition file's columns by contract name after checking the file's schema against the contract
/// (column set, physical and logical type, non-null). Handles any number of row groups. The mirror of
/// <see cref="PartitionColumnsWriter"/>: each column asked for is checked against the contract's name and type.
/// </summary>
internal sealed class PartitionColumnsReader : IDisposable
{
    private readonly ParquetFileReader _file;
    private readonly DatasetContract _dataset;
    private readonly Dictionary<string, int> _leafIndex;

    private PartitionColumnsReader(ParquetFileReader file, DatasetContract dataset, Dictionary<string, int> leafIndex, int rows)
    {
        _file = file;
        _dataset = dataset;
        _leafIndex = leafIndex;
        Rows = rows;
    }

    public int Rows { get; }

    /// <summary>Opens the file; null (with the reasons recorded in <paramref name="checks"/>) when its schema breaks the contract.</summary>
    public static PartitionColumnsReader? Open(byte[] bytes, DatasetContract dataset, PartitionChecks checks)
    {
        var file = new ParquetFileReader(new MemoryStream(bytes, writable: false), leaveOpen: false);
        try
        {
            var schema = file.FileMetaData.Schema;
            var found = new Dictionary<string, (int Leaf, ColumnDescriptor Descriptor)>(StringComparer.Ordinal);
            for (var i = 0; i < schema.NumColumns; i++)
            {
                var descriptor = schema.Column(i);
                found[descriptor.Path.ToDotString()] = (i, descriptor);
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var expectedTop = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in dataset.Columns)
            {
                expectedTop.Add(column.Name);
                var (path, physical, logical, isList) = ParquetLayout.Leaf(column);
                if (!found.TryGetValue(path, out var leaf))
                {
                    checks.Fail(column.Name, "column present", $"no column {path} of type {column.Type}");
                    continue;
                }
                var descriptor = leaf.Descriptor;
                var expectedDefinition = isList ? 1 : 0;
                var expectedRepetition = isList ? 1 : 0;
                if (descriptor.PhysicalType != physical || descriptor.LogicalType.Type != logical)
                {
                    checks.Fail(column.Name, "column type",
                        $"expected {physical}/{logical}, found {descriptor.PhysicalType}/{descriptor.LogicalType.Type}");
                }
                else if (descriptor.MaxDefinitionLevel != expectedDefinition || descriptor.MaxRepetitionLevel != expectedRepetition)
                {
                    checks.Fail(column.Name, "non-null",
                        $"column is declared optional (definition level {descriptor.MaxDefinitionLevel}, expected {expectedDefinition})");
                }
                else
                {
                    index[column.Name] = leaf.Leaf;
                }
            }
            foreach (var path in found.Keys)
            {
                var top = path.Split('.')[0];
                if (!expectedTop.Contains(top)) checks.Fail(top, "column set", $"unexpected column {path}");
            }

            if (checks.Failed)
            {
                file.Dispose();
                return null;
            }
            return new PartitionColumnsReader(file, dataset, index, checked((int)file.FileMetaData.NumRows));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public string[] Strings(string column) => Read(column, ColumnType.String, (reader, n) => reader.LogicalReader<string>().ReadAll(n));

    public DateOnly[] Dates(string column)
    {
        var days = Read(column, ColumnType.Date, (reader, n) => ReadPhysical<int>(reader, n));
        var dates = new DateOnly[days.Length];
        for (var i = 0; i < days.Length; i++) dates[i] = ParquetLayout.FromDays(days[i]);
        return dates;
    }

    public double[] Doubles(string column) => Read(column, ColumnType.Double, (reader, n) => ReadPhysical<double>(reader, n));

    public long[] Int64s(string column) => Read(column, ColumnType.Int64, (reader, n) => ReadPhysical<long>(reader, n));

    public string[][] StringLists(string column) => Read(column, ColumnType.StringList, (reader, n) => reader.LogicalReader<string[]>().ReadAll(n));

    public double[][] DoubleLists(string column) => Read(column, ColumnType.DoubleList, (reader, n) => reader.LogicalReader<double[]>().ReadAll(n));

    public void Dispose() => _file.Dispose();

    private T[] Read<T>(string column, ColumnType type, Func<ColumnReader, int, T[]> readRowGroup)
    {
        _dataset.Column(column, type);
        var leaf = _leafIndex[column];
        if (_file.FileMetaData.NumRowGroups == 1) return ReadGroup(0, leaf, readRowGroup);
        var all = new List<T>(Rows);
        for (var g = 0; g < _file.FileMetaData.NumRowGroups; g++) all.AddRange(ReadGroup(g, leaf, readRowGroup));
        return [.. all];
    }

    private T[] ReadGroup<T>(int group, int leaf, Func<ColumnReader, int, T[]> readRowGroup)
    {
        using var rowGroup = _file.RowGroup(group);
        using var reader = rowGroup.Column(leaf);
        return readRowGroup(reader, checked((int)rowGroup.MetaData.NumRows));
    }

    private static T[] ReadPhysical<T>(ColumnReader reader, int rows)
        where T : unmanaged
    {
        var values = new T[rows];
        var typed = (ColumnReader<T>)reader;
        var done = 0;
        while (done < rows)
        {
            typed.ReadBatch(rows - done, values.AsSpan(done), out var read);
            if (read == 0) throw new InvalidDataException($"column {reader.ColumnDescriptor.Path.ToDotString()} ended after {done} of {rows} values");
            done += (int)read;
        }
        return values;
    }
}
