namespace MlRisk.Bench.EndToEnd;

/// <summary>How a child's peak resident memory is measured.</summary>
public enum PeakMemoryMethod
{
    /// <summary>/usr/bin/time (GNU time, apt package <c>time</c>) reports ru_maxrss from wait4: exact, covers the whole life.</summary>
    GnuTime,

    /// <summary>VmHWM of /proc/&lt;pid&gt;/status read every few milliseconds: may miss growth in the last poll interval.</summary>
    ProcStatusPolling,
}
