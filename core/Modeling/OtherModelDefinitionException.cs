namespace MlRisk.Core.Modeling;

/// <summary>
/// A stored model was trained under another <see cref="ModelMetadata.Definition"/> than this build's: it cannot be
/// served or compared, but it is not damaged; the next train stage fits a model of this definition. Not an
/// <see cref="InvalidDataException"/> (which is sealed, and means damaged data here).
/// </summary>
public sealed class OtherModelDefinitionException(string message) : Exception(message);
