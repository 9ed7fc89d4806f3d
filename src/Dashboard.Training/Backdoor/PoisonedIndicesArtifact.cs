using System.Text.Json;
using Dashboard.Core.Configuration;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The run artifact <c>poisoned-indices.json</c>: for each attack its label, type, target class (drawn or
/// configured), whether the target was drawn, whether the attack is clean-label, poison ratio, trigger
/// strength, the indices (into the full training split) of the images it poisoned and, for WaNet, of its
/// noise-mode images, which keep their labels and are not poisons.
/// </summary>
public static class PoisonedIndicesArtifact
{
    public const string Name = "poisoned-indices.json";

    public const string ContentType = "application/json";

    public static byte[] Create(BackdoorDataset dataset, int trainingSubsetSize, int seed, IReadOnlyList<AttackPoisons> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);

        var document = new Document(
            dataset,
            trainingSubsetSize,
            seed,
            [
                .. plan.Select(p => new AttackEntry(
                    p.Label,
                    p.Attack.Type,
                    p.TargetClass,
                    p.Attack.DrawTargetClass,
                    p.IsCleanLabel,
                    p.Attack.PoisonRatio,
                    p.Attack.Strength,
                    p.Indices,
                    p.NoiseIndices)),
            ]);
        return JsonSerializer.SerializeToUtf8Bytes(document, ConfigurationJson.Options);
    }

    private sealed record Document(BackdoorDataset Dataset, int TrainingSubsetSize, int Seed, IReadOnlyList<AttackEntry> Attacks);

    private sealed record AttackEntry(
        string Label,
        AttackType Type,
        int TargetClass,
        bool TargetDrawn,
        bool CleanLabel,
        double PoisonRatio,
        double Strength,
        IReadOnlyList<int> Indices,
        IReadOnlyList<int> NoiseIndices);
}
