using System.Globalization;
using System.Text;

namespace MlRisk.Bench.Report;

/// <summary>The one table <c>make bench</c> prints: sections of measures, each with its median, the issue's target and PASS/MISS.</summary>
public sealed class ResultsTable
{
    public const string Pass = "PASS";
    public const string Miss = "MISS";
    public const string NoTarget = "";

    private readonly List<ResultRow> _rows = [];
    private string _section = "";

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Section(string title) => _section = title;

    public void Add(string measure, double value, Unit unit, string note = "", Target? target = null, bool failed = false)
    {
        var verdict = target is null ? NoTarget : target.IsMet(value) && !failed ? Pass : Miss;
        _rows.Add(new ResultRow(_section, measure, value, unit, Format(value, unit), target?.Text, target?.Source, verdict, note));
    }

    public static string Format(double value, Unit unit) => unit switch
    {
        Unit.Seconds => $"{value.ToString("F2", CultureInfo.InvariantCulture)} s",
        Unit.Milliseconds => $"{value.ToString(value < 10 ? "F2" : value < 100 ? "F1" : "F0", CultureInfo.InvariantCulture)} ms",
        Unit.Microseconds => $"{value.ToString(value < 100 ? "F1" : "F0", CultureInfo.InvariantCulture)} µs",
        Unit.MiB => $"{value.ToString("F0", CultureInfo.InvariantCulture)} MiB",
        Unit.Count => value.ToString("N0", CultureInfo.InvariantCulture),
        Unit.PerSecond => $"{value.ToString("N0", CultureInfo.InvariantCulture)}/s",
        Unit.Percent => $"{value.ToString("F1", CultureInfo.InvariantCulture)} %",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    public string Render(IEnumerable<string> header)
    {
        string[] titles = ["measure", "median", "target", "", "notes"];
        var widths = new int[4];
        for (var c = 0; c < 4; c++) widths[c] = titles[c].Length;
        foreach (var row in _rows)
        {
            widths[0] = Math.Max(widths[0], row.Measure.Length + 2);
            widths[1] = Math.Max(widths[1], row.Display.Length);
            widths[2] = Math.Max(widths[2], (row.Target ?? "").Length);
            widths[3] = Math.Max(widths[3], row.Verdict.Length);
        }

        var text = new StringBuilder();
        foreach (var line in header) text.AppendLine(line);
        var rule = new string('─', widths.Sum() + 3 * 4 + 40);
        text.AppendLine(rule);
        text.AppendLine(Line(widths, titles[0], titles[1], titles[2], titles[3], titles[4]));
        var section = (string?)null;
        foreach (var row in _rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                text.AppendLine(rule);
                text.AppendLine(section);
            }
            text.AppendLine(Line(widths, "  " + row.Measure, row.Display, row.Target ?? "", row.Verdict, row.Note));
        }
        text.AppendLine(rule);
        return text.ToString();
    }

    private static string Line(int[] widths, string measure, string value, string target, string verdict, string note) =>
        $"{measure.PadRight(widths[0])}   {value.PadLeft(widths[1])}   {target.PadRight(widths[2])}   {verdict.PadRight(widths[3])}   {note}".TrimEnd();
}
