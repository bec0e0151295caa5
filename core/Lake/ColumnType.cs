namespace MlRisk.Core.Lake;

/// <summary>The column types the lake's datasets use; every column is non-null.</summary>
public enum ColumnType
{
    /// <summary>UTF-8 string (BYTE_ARRAY, STRING).</summary>
    String,

    /// <summary>Calendar date (INT32, DATE).</summary>
    Date,

    Double,

    Int64,

    /// <summary>list&lt;string&gt; (LIST of STRING).</summary>
    StringList,

    /// <summary>list&lt;double&gt; (LIST of DOUBLE).</summary>
    DoubleList,
}
