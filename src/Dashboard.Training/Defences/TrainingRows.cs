using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using TorchSharp;

namespace Dashboard.Training.Defences;

/// <summary>
/// What is known about each row of a run's poisoned training tensor: its index in the dataset's full training
/// split, the label it is trained with, its true label, and which attack poisoned it. Defences see only the
/// images and given labels; the rest is for measuring them.
/// </summary>
public sealed class TrainingRows
{
    /// <param name="altered">
    /// Rows an attack changed without poisoning them (WaNet's noise-mode images, which keep their true labels);
    /// null when there are none. They count as unpoisoned but are never drawn as known-clean probes.
    /// </param>
    public TrainingRows(int[] splitIndex, int[] givenLabel, int[] trueLabel, int[] attackOfRow, IReadOnlyList<string> attackLabels, bool[]? altered = null)
    {
        ArgumentNullException.ThrowIfNull(splitIndex);
        ArgumentNullException.ThrowIfNull(givenLabel);
        ArgumentNullException.ThrowIfNull(trueLabel);
        ArgumentNullException.ThrowIfNull(attackOfRow);
        ArgumentNullException.ThrowIfNull(attackLabels);
        int count = splitIndex.Length;
        if (givenLabel.Length != count || trueLabel.Length != count || attackOfRow.Length != count || (altered is not null && altered.Length != count))
        {
            throw new ArgumentException("Every per-row array must have one entry per training row.");
        }

        SplitIndex = splitIndex;
        GivenLabel = givenLabel;
        TrueLabel = trueLabel;
        AttackOfRow = attackOfRow;
        AttackLabels = attackLabels;
        PoisonFlags = Array.ConvertAll(attackOfRow, attack => attack >= 0);
        Altered = altered ?? new bool[count];
    }

    public int Count => SplitIndex.Count;

    /// <summary>Index of each row in the dataset's full training split, as in <c>poisoned-indices.json</c>.</summary>
    public IReadOnlyList<int> SplitIndex { get; }

    /// <summary>Label each row is trained with: the attack's target for dirty-label poisons.</summary>
    public IReadOnlyList<int> GivenLabel { get; }

    /// <summary>Label of each row's image before poisoning.</summary>
    public IReadOnlyList<int> TrueLabel { get; }

    /// <summary>Plan index of the attack that poisoned each row, or -1.</summary>
    public IReadOnlyList<int> AttackOfRow { get; }

    public IReadOnlyList<bool> PoisonFlags { get; }

    /// <summary>Whether an attack changed each row without poisoning it; see the constructor.</summary>
    public IReadOnlyList<bool> Altered { get; }

    /// <summary>Label of each attack in plan order, as in metric names.</summary>
    public IReadOnlyList<string> AttackLabels { get; }

    /// <summary>Rows no attack poisoned, ascending.</summary>
    public int[] Unpoisoned() => [.. Enumerable.Range(0, Count).Where(row => AttackOfRow[row] < 0)];

    /// <summary>Rows no attack touched at all, ascending: the images a defender could hold as known-clean probes.</summary>
    public int[] Untouched() => [.. Enumerable.Range(0, Count).Where(row => AttackOfRow[row] < 0 && !Altered[row])];

    /// <summary>
    /// Returns the scores and poison flags of the rows that are unpoisoned or poisoned by attack
    /// <paramref name="attack"/>, for judging one attack as if it were the only one.
    /// </summary>
    public (double[] Scores, bool[] Flags) AgainstClean(IReadOnlyList<double> scores, int attack)
    {
        ArgumentNullException.ThrowIfNull(scores);

        var selectedScores = new List<double>(Count);
        var flags = new List<bool>(Count);
        for (int row = 0; row < Count; row++)
        {
            if (AttackOfRow[row] < 0 || AttackOfRow[row] == attack)
            {
                selectedScores.Add(scores[row]);
                flags.Add(AttackOfRow[row] == attack);
            }
        }

        return ([.. selectedScores], [.. flags]);
    }

    /// <summary>
    /// Reconstructs the rows of <paramref name="data"/>'s training tensor. <see cref="BackdoorData"/> keeps only
    /// the poisoned tensors, so this loads the dataset's labels again and redraws the training subset with the
    /// run's seed, then checks the result against the tensor's labels.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reconstruction does not match the training tensor.</exception>
    public static TrainingRows Build(BackdoorConfiguration configuration, BackdoorData data, IRunContext context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);

        // NOTE: this loads the whole dataset a second time only for its labels; BackdoorData could keep the
        // subset and its true labels instead.
        string folder = BackdoorDatasets.ResolveFolder(configuration.Dataset, context.Environment);
        var split = BackdoorDatasets.Load(configuration.Dataset, folder).Training;
        int[] subset = TrainingSubset.Choose(split.Count, configuration.TrainingSubsetSize, new RunSeeds(configuration.Seed).Subset);
        if (subset.Length != data.Training.Count)
        {
            throw new InvalidOperationException($"The redrawn training subset has {subset.Length} images but the training tensor has {data.Training.Count}.");
        }

        var position = new Dictionary<int, int>(subset.Length);
        for (int row = 0; row < subset.Length; row++)
        {
            position[subset[row]] = row;
        }

        var attackOfRow = new int[subset.Length];
        var altered = new bool[subset.Length];
        Array.Fill(attackOfRow, -1);
        for (int a = 0; a < data.Plan.Count; a++)
        {
            foreach (int index in data.Plan[a].Indices)
            {
                attackOfRow[position[index]] = a;
            }

            foreach (int index in data.Plan[a].NoiseIndices)
            {
                altered[position[index]] = true;
            }
        }

        var trueLabel = new int[subset.Length];
        for (int row = 0; row < subset.Length; row++)
        {
            trueLabel[row] = split.Labels[subset[row]];
        }

        int[] givenLabel = GivenLabels(data);
        for (int row = 0; row < subset.Length; row++)
        {
            if (attackOfRow[row] < 0 && givenLabel[row] != trueLabel[row])
            {
                throw new InvalidOperationException(
                    $"Training row {row} (split index {subset[row]}) is not poisoned but is labelled {givenLabel[row]} instead of {trueLabel[row]}; the redrawn subset does not match the run's.");
            }
        }

        return new TrainingRows(subset, givenLabel, trueLabel, attackOfRow, [.. data.Plan.Select(p => p.Label)], altered);
    }

    private static int[] GivenLabels(BackdoorData data)
    {
        using var scope = torch.NewDisposeScope();
        using var values = data.Training.Labels.cpu().data<long>();
        return Array.ConvertAll(values.ToArray(), label => (int)label);
    }
}
