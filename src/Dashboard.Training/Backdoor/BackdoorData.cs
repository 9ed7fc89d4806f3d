using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor.Narcissus;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Everything a backdoor run trains and evaluates on, already on the device: the poisoned training subset,
/// the clean and triggered test sets, and the poison plan. Building it in one place lets the managed copies
/// of the dataset be collected once the tensors exist. Owns the tensors.
/// </summary>
public sealed class BackdoorData : IDisposable
{
    // Stream index of RunSeeds.Pattern for the WaNet noise-mode grids; attack indices are 0 or more.
    private const int NoiseSeedIndex = -1;

    private BackdoorData(DatasetInfo dataset, IReadOnlyList<AttackPoisons> plan, TensorImageSet training, BackdoorTestSets test)
    {
        Dataset = dataset;
        Plan = plan;
        Training = training;
        Test = test;
    }

    public DatasetInfo Dataset { get; }

    public IReadOnlyList<AttackPoisons> Plan { get; }

    public TensorImageSet Training { get; }

    public BackdoorTestSets Test { get; }

    /// <summary>
    /// Loads the dataset, draws the training subset, resolves the target classes, plans the poisons, saves
    /// <see cref="PoisonedIndicesArtifact"/>, builds the triggers (synthesising narcissus triggers), applies
    /// the poisons and copies the result to <paramref name="device"/>.
    /// </summary>
    /// <remarks>
    /// Narcissus synthesis seeds libtorch's global generator, so callers seed it again before creating the
    /// model they train.
    /// </remarks>
    public static BackdoorData Prepare(BackdoorConfiguration configuration, IRunContext context, Device device)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(context);

        var seeds = new RunSeeds(configuration.Seed);
        string folder = BackdoorDatasets.ResolveFolder(configuration.Dataset, context.Environment);
        var dataset = BackdoorDatasets.Load(configuration.Dataset, folder);
        context.Log($"Loaded {dataset.Info.DisplayName} from {folder}: {dataset.Training.Count} training and {dataset.Test.Count} test images of {dataset.Shape}.");
        context.CancellationToken.ThrowIfCancellationRequested();

        var subset = TrainingSubset.Choose(dataset.Training.Count, configuration.TrainingSubsetSize, seeds.Subset);
        var targets = PoisonPlanner.ResolveTargets(configuration.Attacks, dataset.Info.ClassCount, configuration.Seed);
        var plan = PoisonPlanner.Plan(dataset.Training.Labels, subset, configuration.Attacks, seeds.Poisons, targets);
        foreach (var attack in plan)
        {
            LogPlan(context, attack, subset.Length, dataset.ClassNames);
        }

        byte[] artifact = PoisonedIndicesArtifact.Create(configuration.Dataset, subset.Length, configuration.Seed, plan);
        context.SaveArtifact(PoisonedIndicesArtifact.Name, PoisonedIndicesArtifact.ContentType, artifact);

        var triggers = plan.Select(p => BuildTriggers(p, dataset, subset, seeds, context, device)).ToList();
        var poisonedTraining = Poisoning.PoisonTrainingSubset(
            dataset.Training, subset, plan, [.. triggers.Select(t => t.Training)], seeds.Pattern(NoiseSeedIndex));
        context.CancellationToken.ThrowIfCancellationRequested();

        var training = new TensorImageSet(poisonedTraining, device);
        try
        {
            var test = new BackdoorTestSets(dataset.Test, plan, triggers, device);
            return new BackdoorData(dataset.Info, plan, training, test);
        }
        catch
        {
            training.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Training.Dispose();
        Test.Dispose();
    }

    private static AttackTriggers BuildTriggers(
        AttackPoisons poisons,
        ImageDataset dataset,
        int[] subset,
        RunSeeds seeds,
        IRunContext context,
        Device device)
    {
        var attack = poisons.Attack;
        int seed = seeds.Pattern(poisons.AttackIndex);
        if (attack.Type != AttackType.Narcissus)
        {
            return AttackTriggers.For(attack.Type, TriggerFactory.Create(attack, dataset.Shape, seed));
        }

        var data = NarcissusData.Choose(dataset.Training.Labels, subset, poisons.TargetClass, attack.Narcissus.PoodImages, seed);
        var result = NarcissusSynthesis.Synthesize(
            dataset.Training,
            data,
            poisons.TargetClass,
            dataset.Info.ClassCount,
            attack.Narcissus,
            (float)attack.Strength,
            seed,
            device,
            context,
            poisons.Label);
        var trigger = new NarcissusTrigger(dataset.Shape, result.Perturbation);
        return AttackTriggers.For(attack.Type, trigger, attack.Narcissus.TestMultiplier);
    }

    private static void LogPlan(IRunContext context, AttackPoisons attack, int subsetSize, IReadOnlyList<string> classNames)
    {
        string target = $"class {attack.TargetClass} ({classNames[attack.TargetClass]})"
            + (attack.Attack.DrawTargetClass ? ", drawn from the seed" : string.Empty);
        string poisons = attack.IsCleanLabel
            ? $"{attack.Indices.Count} training images of the target {target} carry the trigger with their labels kept"
            : $"{attack.Indices.Count} of {subsetSize} training images carry the trigger and are relabelled to {target}";
        string noise = attack.NoiseIndices.Count > 0
            ? $"; {attack.NoiseIndices.Count} more are warped in noise mode with their labels kept"
            : string.Empty;
        context.Log($"Attack {attack.Label}: {poisons}{noise}.");
    }
}
