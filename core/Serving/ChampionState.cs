using System.Diagnostics.CodeAnalysis;

namespace MlRisk.Core.Serving;

/// <summary>
/// Either a champion that can forecast, with its model card, or no champion: the reason and, when a model was
/// trained but failed the gate, that candidate's card with the numbers that blocked it; or a champion whose files
/// are damaged (<see cref="Damaged"/>).
/// </summary>
public sealed class ChampionState
{
    private ChampionState(IForecaster? forecaster, ModelCard? card, string? blockedReason, bool damaged = false)
    {
        Forecaster = forecaster;
        Card = card;
        BlockedReason = blockedReason;
        Damaged = damaged;
    }

    [MemberNotNullWhen(true, nameof(Forecaster), nameof(Card))]
    [MemberNotNullWhen(false, nameof(BlockedReason))]
    public bool HasChampion => Forecaster is not null;

    public IForecaster? Forecaster { get; }

    /// <summary>The champion's card, or the failed candidate's card when there is no champion (null if none was trained).</summary>
    public ModelCard? Card { get; }

    public string? BlockedReason { get; }

    /// <summary>The registry names a champion whose files do not read: an operator must repair it, unlike a model not trained yet.</summary>
    public bool Damaged { get; }

    public static ChampionState Serving(IForecaster forecaster, ModelCard card) => new(forecaster, card, null);

    /// <param name="reason">Why nothing is served, e.g. "no model has been trained yet" or "candidate v3 failed the gate".</param>
    /// <param name="candidate">The latest trained model that failed the gate, or null.</param>
    public static ChampionState None(string reason, ModelCard? candidate) => new(null, candidate, reason);

    /// <param name="reason">Which file does not read and what fixes it.</param>
    public static ChampionState Unreadable(string reason) => new(null, null, reason, damaged: true);
}
