using System.Globalization;

namespace MlRisk.Core.Contracts;

/// <summary>The values a feature can take: a finite interval, each end open or closed.</summary>
public sealed record FeatureBound(string Feature, double Lower, bool LowerClosed, double Upper, bool UpperClosed)
{
    /// <summary>False for NaN and the infinities, which no finite interval holds.</summary>
    public bool Contains(double value) =>
        (LowerClosed ? value >= Lower : value > Lower) && (UpperClosed ? value <= Upper : value < Upper);

    /// <summary>The interval in mathematical notation, e.g. "[0, 100]" or "(0, 200)".</summary>
    public string Allowed { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{(LowerClosed ? "[" : "(")}{Lower:R}, {Upper:R}{(UpperClosed ? "]" : ")")}");

    public static FeatureBound Open(string feature, double lower, double upper) => new(feature, lower, false, upper, false);

    public static FeatureBound Closed(string feature, double lower, double upper) => new(feature, lower, true, upper, true);

    /// <summary>[lower, upper): vols and the drawdown can be exactly zero but never reach their bound.</summary>
    public static FeatureBound ClosedOpen(string feature, double lower, double upper) => new(feature, lower, true, upper, false);
}
