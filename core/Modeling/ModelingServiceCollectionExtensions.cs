using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

public static class ModelingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ModelTrainer"/> (train stage) and <see cref="ChampionInference"/> (infer stage), with
    /// <see cref="ModelingOptions"/> bound from the "Modeling" section and validated at start. Both need a
    /// <see cref="ModelRegistry"/>, which the pipeline registers on its artifact store (a folder or a blob container).
    /// </summary>
    public static IServiceCollection AddMlRiskModeling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelingOptions>()
            .Bind(configuration.GetSection(ModelingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.WalkForward.InitialTrainingSessions >= 2 * (o.WalkForward.PurgeSessions + o.ValidationSessions),
                "Modeling:WalkForward:InitialTrainingSessions must be at least twice PurgeSessions plus Modeling:ValidationSessions " +
                "(each fold holds out a purged validation block and trains on at least as many rows before it)")
            .Validate(o => o.Cuts.Count == Regimes.Names.Count - 1 && o.Cuts[0] > 0 && o.Cuts[1] > o.Cuts[0] && o.Cuts[2] > o.Cuts[1],
                "Modeling:RegimeCuts must be three increasing annualized volatilities above 0, e.g. 0.12, 0.20, 0.30")
            .Validate(o => o.WalkForward.PurgeSessions >= 5, "Modeling:WalkForward:PurgeSessions must be at least 5 (rv_5d reads 5 future returns)")
            .Validate(o => o.Booster.Iterations >= VolatilityModelTrainer.RoundStep,
                $"Modeling:Booster:Iterations must be at least {VolatilityModelTrainer.RoundStep}")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFaultPoints, NoFaultPoints>();
        services.TryAddSingleton<ModelTrainer>();
        services.TryAddSingleton<ChampionInference>();
        return services;
    }
}
