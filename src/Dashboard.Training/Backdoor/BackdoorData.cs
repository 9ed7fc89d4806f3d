using Dashboard.Core.Experiments;
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
    /// Loads the dataset, draws the training subset, plans and applies the poisons, saves
    /// <see cref="PoisonedIndicesArtifact"/> and copies the result to <paramref name="device"/>.
    /// </summary>
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
        var plan = PoisonPlanner.Plan(dataset.Training.Labels, subset, configuration.Attacks, seeds.Poisons);
        foreach (var attack in plan)
        {
            context.Log($"Attack {attack.Label}: {attack.Indices.Count} of {subset.Length} training images relabelled to class {attack.TargetClass} ({dataset.ClassNames[attack.TargetClass]}).");
        }

        byte[] artifact = PoisonedIndicesArtifact.Create(configuration.Dataset, subset.Length, configuration.Seed, plan);
        context.SaveArtifact(PoisonedIndicesArtifact.Name, PoisonedIndicesArtifact.ContentType, artifact);

        var triggers = plan.Select(p => TriggerFactory.Create(p.Attack, dataset.Shape, seeds.Pattern(p.AttackIndex))).ToList();
        var poisonedTraining = Poisoning.PoisonTrainingSubset(dataset.Training, subset, plan, triggers);
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
}
