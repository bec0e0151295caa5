using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Support;

/// <summary>Makes a stored model look as if an MlRisk of another model definition had written it.</summary>
public static class StoredModelDefinition
{
    /// <summary>Rewrites the <c>model_definition</c> of <paramref name="metadataFile"/>, which must be of this build's definition.</summary>
    public static void Relabel(string metadataFile, string definition)
    {
        var current = $"\"model_definition\": \"{ModelMetadata.Definition}\"";
        var text = File.ReadAllText(metadataFile);
        if (!text.Contains(current, StringComparison.Ordinal)) throw new InvalidOperationException($"{metadataFile} has no {current}");
        File.WriteAllText(metadataFile, text.Replace(current, $"\"model_definition\": \"{definition}\""));
    }
}
