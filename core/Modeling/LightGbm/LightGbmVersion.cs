namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// The LightGBM release behind lib_lightgbm. The C API has no version call, so this mirrors the LightGBM
/// package version in Directory.Packages.props (a test keeps the two equal).
/// </summary>
public static class LightGbmVersion
{
    public const string Value = "4.7.0";
}
