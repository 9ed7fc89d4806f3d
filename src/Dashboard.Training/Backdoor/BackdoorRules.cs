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

        foreach (var error in ValidateAttacks(attacks, Math.Min(subset, dataset.TrainingImages), dataset))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidateAttacks(List<AttackSettings> attacks, int subset, DatasetInfo dataset)
    {
        // With balanced classes, (classes - 1) / classes of the subset lies outside an attack's target class.
        // The sum of all attacks gets the same bound because no image is poisoned twice.
        int nonTargetShare = (int)((long)subset * (dataset.ClassCount - 1) / dataset.ClassCount);
        long total = 0;
        for (int i = 0; i < attacks.Count; i++)
        {
            if (attacks[i] is not { } attack)
            {
                continue;
            }

            string path = $"attacks[{i}]";
            if (attack.TargetClass >= dataset.ClassCount && attack.TargetClass <= AttackSettings.MaximumTargetClass)
            {
                yield return new FieldError(
                    $"{path}.targetClass",
                    $"Target class must be between 0 and {dataset.ClassCount - 1} because {dataset.DisplayName} has {dataset.ClassCount} classes; got {attack.TargetClass}.");
            }

            if (!(attack.PoisonRatio > 0 && attack.PoisonRatio <= 1))
            {
                continue;
            }

            int count = PoisonPlanner.PoisonCount(attack.PoisonRatio, subset);
            total += count;
            if (count < 1)
            {
                yield return new FieldError(
                    $"{path}.poisonRatio",
                    $"Poison ratio {Number(attack.PoisonRatio)} of a {Count(subset)}-image training subset rounds to 0 poisoned images; use at least {Number(1.0 / subset)} so that the attack poisons 1 image.");
            }
            else if (count > nonTargetShare)
            {
                yield return new FieldError(
                    $"{path}.poisonRatio",
                    $"Poison ratio {Number(attack.PoisonRatio)} asks for {Count(count)} images, but only about {Count(nonTargetShare)} of the {Count(subset)} training images are outside the target class ({dataset.ClassCount} balanced classes); use at most {RatioAtMost(nonTargetShare, subset)}.");
            }
        }

        if (attacks.Count > 1 && total > nonTargetShare)
        {
            yield return new FieldError(
                "attacks",
                $"The attacks together poison {Count(total)} images, but at most {Count(nonTargetShare)} of the {Count(subset)} training images can be poisoned ({dataset.ClassCount} balanced classes, no image poisoned twice); lower the poison ratios so that they add up to at most {RatioAtMost(nonTargetShare, subset)}.");
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    // Rounded down so that the suggested ratio never requests more images than allowed.
    private static string RatioAtMost(int images, int subset) =>
        (Math.Floor(10_000.0 * images / subset) / 10_000).ToString("0.####", CultureInfo.InvariantCulture);
}
