namespace MlRisk.Core.Serving;

/// <summary>The model registry as the API sees it: the served champion, or why there is none.</summary>
public interface IChampionModel
{
    /// <summary>
    /// The current champion. Implementations may cache the loaded model and reload when champion.json changes;
    /// a damaged registry throws with the file named, it is not reported as "no champion".
    /// </summary>
    Task<ChampionState> GetAsync(CancellationToken ct);
}
