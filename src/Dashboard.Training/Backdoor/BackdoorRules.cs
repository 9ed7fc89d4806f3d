using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Checks of a <see cref="BackdoorConfiguration"/> that depend on the dataset or on several fields.
/// Values that the declared ranges already reject are skipped, so each mistake is reported once.
/// </summary>
public static class BackdoorRules
{
    public static IEnumerable<FieldError> Validate(BackdoorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Enum.IsDefined(configuration.Dataset))
        {
            yield break;
        }

        var dataset = BackdoorDatasets.Info(configuration.Dataset);
        int subset = configuration.TrainingSubsetSize;
        if (subset > dataset.TrainingImages)
        {
            yield return new FieldError(
                "trainingSubsetSize",
                $"Training subset size must be between 1 and {Count(dataset.TrainingImages)} because the {dataset.DisplayName} training split has {Count(dataset.TrainingImages)} images; got {Count(subset)}.");
        }

        if (configuration.Attacks is not { } attacks || subset < 1)
        {
            yield break;
        }

        foreach (var error in ValidateAttacks(attacks, Math.Min(subset, dataset.TrainingImages), dataset, configuration.Seed))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidateAttacks(List<AttackSettings> attacks, int subset, DatasetInfo dataset, int seed)
    {
        // With balanced classes, 1 / classes of the subset lies inside an attack's target class and the rest
        // outside it. The sum of all attacks gets the outside bound because no image is used twice.
        int classCount = dataset.ClassCount;
        int nonTargetShare = (int)((long)subset * (classCount - 1) / classCount);
        int targetShare = subset / classCount;
        var present = attacks.Select((attack, index) => (Attack: attack, Index: index)).Where(a => a.Attack is not null).ToList();
        var targets = PoisonPlanner.ResolveTargets([.. present.Select(a => a.Attack)], classCount, seed);
        var cleanLabelPoisons = new Dictionary<int, long>();
        long total = 0;
        for (int p = 0; p < present.Count; p++)
        {
            var (attack, i) = present[p];
            string path = $"attacks[{i}]";
            if (!attack.DrawTargetClass && attack.TargetClass >= classCount && attack.TargetClass <= AttackSettings.MaximumTargetClass)
            {
                yield return new FieldError(
                    $"{path}.targetClass",
                    $"Target class must be between 0 and {classCount - 1} because {dataset.DisplayName} has {classCount} classes; got {attack.TargetClass}.");
            }

            if (!Enum.IsDefined(attack.Type))
            {
                continue;
            }

            foreach (var error in ValidateTrigger(attack, path, dataset))
            {
                yield return error;
            }

            if (!(attack.PoisonRatio > 0 && attack.PoisonRatio <= 1))
            {
                continue;
            }

            bool cleanLabel = attack.Type.IsCleanLabel();
            int count = PoisonPlanner.PoisonCount(attack.PoisonRatio, cleanLabel ? targetShare : subset);
            int noise = attack.CrossRatio is >= 0 and <= 10 ? PoisonPlanner.NoiseCount(attack, count) : 0;
            total += count + noise;
            if (cleanLabel)
            {
                cleanLabelPoisons[targets[p]] = cleanLabelPoisons.GetValueOrDefault(targets[p]) + count;
            }

            if (count < 1)
            {
                string pool = cleanLabel
                    ? $"the about {Count(targetShare)} target-class images of a {Count(subset)}-image training subset"
                    : $"a {Count(subset)}-image training subset";
                int poolSize = cleanLabel ? Math.Max(targetShare, 1) : subset;
                yield return new FieldError(
                    $"{path}.poisonRatio",
                    $"Poison ratio {Number(attack.PoisonRatio)} of {pool} rounds to 0 poisoned images; use at least {Number(1.0 / poolSize)} so that the attack poisons 1 image, or a larger training subset.");
            }
            else if (!cleanLabel && count + noise > nonTargetShare)
            {
                string noiseNote = noise > 0 ? $" plus {Count(noise)} noise-mode images" : string.Empty;
                yield return new FieldError(
                    $"{path}.poisonRatio",
                    $"Poison ratio {Number(attack.PoisonRatio)} asks for {Count(count)} images{noiseNote}, but only about {Count(nonTargetShare)} of the {Count(subset)} training images are outside the target class ({classCount} balanced classes); use at most {RatioAtMost(nonTargetShare, subset)}.");
            }
        }

        foreach (var (target, poisons) in cleanLabelPoisons)
        {
            if (poisons > targetShare)
            {
                yield return new FieldError(
                    "attacks",
                    $"The clean-label attacks on class {target} together poison {Count(poisons)} images, but the {Count(subset)}-image training subset has only about {Count(targetShare)} images of that class ({classCount} balanced classes); lower their poison ratios so that they add up to at most 1.");
            }
        }

        if (present.Count > 1 && total > nonTargetShare)
        {
            yield return new FieldError(
                "attacks",
                $"The attacks together poison or warp {Count(total)} images, but at most {Count(nonTargetShare)} of the {Count(subset)} training images can be used ({classCount} balanced classes, no image used twice); lower the poison ratios so that they add up to at most {RatioAtMost(nonTargetShare, subset)}.");
        }
    }

    private static IEnumerable<FieldError> ValidateTrigger(AttackSettings attack, string path, DatasetInfo dataset)
    {
        double maximum = AttackSettings.MaximumStrength(attack.Type);
        if (attack.Strength > maximum && attack.Strength <= AttackSettings.MaximumFrequencyStrength)
        {
            yield return new FieldError(
                $"{path}.strength",
                $"Trigger strength of a {AttackLabels.SnakeCase(attack.Type)} attack must be above 0 and at most {Number(maximum)}; got {Number(attack.Strength)}. Only the frequency attack uses the 0-255 scale.");
        }

        if (attack.Type == AttackType.Frequency && dataset.Shape.Channels is not (1 or 3))
        {
            yield return new FieldError(
                $"{path}.type",
                $"The frequency trigger needs grey or RGB images, but {dataset.DisplayName} images have {dataset.Shape.Channels} channels; choose another attack type.");
        }

        if (attack.Type == AttackType.Narcissus && attack.Narcissus is { } narcissus)
        {
            int available = (int)((long)dataset.TrainingImages * (dataset.ClassCount - 1) / dataset.ClassCount);
            if (narcissus.PoodImages > available && narcissus.PoodImages <= 1_000_000)
            {
                yield return new FieldError(
                    $"{path}.narcissus.poodImages",
                    $"Out-of-distribution images must be at most {Count(available)}, the {dataset.DisplayName} training images outside the target class ({dataset.ClassCount} balanced classes); got {Count(narcissus.PoodImages)}.");
            }
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    // Rounded down so that the suggested ratio never requests more images than allowed.
    private static string RatioAtMost(int images, int subset) =>
        (Math.Floor(10_000.0 * images / subset) / 10_000).ToString("0.####", CultureInfo.InvariantCulture);
}
