using ParquetSharp;
using ParquetSharp.Schema;

namespace MlRisk.Core.Lake;

/// <summary>
/// How a dataset's columns map to Parquet: every column REQUIRED (non-null is part of the schema), dates as
/// INT32 DATE, lists as the standard three-level LIST with required elements. Writer settings hold nothing
/// that varies between runs, so equal rows give byte-identical files. Column statistics are off: a daily
/// partition holds a handful of rows, engines prune on the hive date, and they cost a fifth of the encoding
/// time of the thousands of files a cold run writes.
/// </summary>
internal static class ParquetLayout
{
    public static readonly WriterProperties WriterProperties = new WriterPropertiesBuilder()
        .Compression(Compression.Snappy)
        .DisableDictionary()
        .DisableStatistics()
        .Build();

    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public static int ToDays(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(Epoch.DayNumber + days);

    public static GroupNode Schema(IReadOnlyList<ColumnSpec> columns) =>
        new("schema", Repetition.Required, columns.Select(Node).ToArray());

    /// <summary>The leaf column path and the physical and logical type a contract column is stored as.</summary>
    public static (string Path, PhysicalType Physical, LogicalTypeEnum Logical, bool IsList) Leaf(ColumnSpec column) =>
        column.Type switch
        {
            ColumnType.String => (column.Name, PhysicalType.ByteArray, LogicalTypeEnum.String, false),
            ColumnType.Date => (column.Name, PhysicalType.Int32, LogicalTypeEnum.Date, false),
            ColumnType.Double => (column.Name, PhysicalType.Double, LogicalTypeEnum.None, false),
            ColumnType.Int64 => (column.Name, PhysicalType.Int64, LogicalTypeEnum.None, false),
            ColumnType.StringList => ($"{column.Name}.list.element", PhysicalType.ByteArray, LogicalTypeEnum.String, true),
            ColumnType.DoubleList => ($"{column.Name}.list.element", PhysicalType.Double, LogicalTypeEnum.None, true),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
        };

    private static Node Node(ColumnSpec column)
    {
        var (_, physical, logical, isList) = Leaf(column);
        if (!isList) return new PrimitiveNode(column.Name, Repetition.Required, LogicalTypeOf(logical), physical);
        var element = new PrimitiveNode("element", Repetition.Required, LogicalTypeOf(logical), physical);
        var list = new GroupNode("list", Repetition.Repeated, [element]);
        return new GroupNode(column.Name, Repetition.Required, [list], LogicalType.List());
    }

    private static LogicalType LogicalTypeOf(LogicalTypeEnum logical) => logical switch
    {
        LogicalTypeEnum.String => LogicalType.String(),
        LogicalTypeEnum.Date => LogicalType.Date(),
        _ => LogicalType.None(),
    };
}
