namespace MlRisk.Core.Sources.Csv;

/// <summary>Settings of the CSV folder source (configuration section <c>Sources:Csv</c>).</summary>
public sealed class CsvSourceOptions
{
    public const string Section = "Sources:Csv";

    /// <summary>Folder with one daily CSV per symbol (SPY.csv, TLT.csv, HYG.csv, VIX.csv, VIX3M.csv).</summary>
    public string Folder { get; set; } = "";

    /// <summary>First date a first ingest reads; older rows in the files are ignored then.</summary>
    public DateOnly Start { get; set; } = new(2009, 1, 2);
}
