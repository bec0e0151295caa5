using MlRisk.Core.Modeling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Modeling.LightGbm;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Modeling;

/// <summary>Test support: modeling settings scaled to a few hundred synthetic rows, and a trainer over a temporary registry.</summary>
internal sealed class SmallModeling : IDisposable
{
    public static ModelingOptions Options(double gateMargin = 0.02) => new()
    {
        WalkForward = new WalkForwardOptions { InitialTrainingSessions = 300, RefitEverySessions = 100, PurgeSessions = 5 },
        Booster = new BoosterParameters { Iterations = 40, NumLeaves = 5, MinDataInLeaf = 20, LearningRate = 0.05 },
        ValidationSessions = 100,
        GateMargin = gateMargin,
    };

    public string Artifacts { get; } = Path.Combine(Path.GetTempPath(), "mlrisk-modeling-" + Guid.NewGuid().ToString("N"));
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.Zero));
    public ModelRegistry Registry { get; }

    public SmallModeling()
    {
        Registry = new ModelRegistry(Artifacts, Time);
    }

    public ModelTrainer Trainer(ModelingOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), Registry, new Core.Lake.NoFaultPoints(), Time, NullLogger<ModelTrainer>.Instance);

    /// <summary>Rewrites a stored model's metadata.json as if an MlRisk of model definition <paramref name="definition"/> had written it.</summary>
    public void MarkAsDefinition(string version, string definition) =>
        StoredModelDefinition.Relabel(Path.Combine(Artifacts, "models", version, ModelRegistry.MetadataFile), definition);

    public void Dispose()
    {
        if (Directory.Exists(Artifacts)) Directory.Delete(Artifacts, recursive: true);
    }
}
