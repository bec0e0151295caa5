using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// A validated POST /predict body. <see cref="Features"/> holds the 14 values in
/// <see cref="Contracts.FeatureNames.All"/> order, or is null when the caller wants the stored features of the date.
/// </summary>
public sealed record PredictRequest(DateOnly AsOfDate, FeatureVector? Features);
