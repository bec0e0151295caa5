namespace MlRisk.Bench;

/// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg: how busy the shared cores were around the measurements.</summary>
public sealed record LoadAverage(string OneMinute, string FiveMinutes, string FifteenMinutes)
{
    public static LoadAverage Read()
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return new LoadAverage(fields[0], fields[1], fields[2]);
    }

    public override string ToString() => $"{OneMinute} / {FiveMinutes} / {FifteenMinutes}";
}
