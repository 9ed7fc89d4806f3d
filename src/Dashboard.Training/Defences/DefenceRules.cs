using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Defences;

/// <summary>
/// Checks of <see cref="BackdoorConfiguration.Defence"/> that involve several fields or the dataset, for the
/// chosen defence only. The schema checks the declared ranges, such as removal fractions in (0, 1) and positive
/// epochs. Values those ranges already reject are skipped here, so each mistake is reported once.
/// </summary>
public static class DefenceRules
{
    private const string Prefix = "defence.";

    public static IEnumerable<FieldError> Validate(BackdoorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Defence is not { Kind: DefenceKind.BadLoss } defence)
        {
            return [];
        }

        return ValidateBadLoss(defence, configuration);
    }

    private static IEnumerable<FieldError> ValidateBadLoss(DefenceSettings defence, BackdoorConfiguration configuration)
    {
        bool probeCountInRange = defence.ProbeCount is >= 1 and <= DefenceSettings.MaximumProbeCount;
        if (probeCountInRange && defence.NearestProbes > defence.ProbeCount)
        {
            yield return new FieldError(
                Prefix + "nearestProbes",
                $"Nearest probes (k) must be between 1 and the number of clean probes ({Count(defence.ProbeCount)}); got {Count(defence.NearestProbes)}.");
        }

        int probes = defence.ProbeCount + (defence.BackdoorProbes ? defence.BackdoorProbeCount : 0);
        bool backdoorCountInRange = defence.BackdoorProbeCount is >= 1 and <= DefenceSettings.MaximumProbeCount;
        if (defence.BackdoorProbes && probeCountInRange && backdoorCountInRange && defence.TwoClassNearestProbes > probes)
        {
            yield return new FieldError(
                Prefix + "twoClassNearestProbes",
                $"2-class kNN neighbours must be between 1 and the number of clean and backdoor probes together ({Count(probes)}); got {Count(defence.TwoClassNearestProbes)}.");
        }

        if (!Enum.IsDefined(configuration.Dataset))
        {
            yield break;
        }

        var dataset = BackdoorDatasets.Info(configuration.Dataset);
        if (defence.BackdoorProbes && defence.BackdoorProbeLabel >= dataset.ClassCount && defence.BackdoorProbeLabel <= DefenceSettings.MaximumClassLabel)
        {
            yield return new FieldError(
                Prefix + "backdoorProbeLabel",
                $"Backdoor probe label must be between 0 and {dataset.ClassCount - 1} because {dataset.DisplayName} has {dataset.ClassCount} classes; got {defence.BackdoorProbeLabel}.");
        }

        int subset = configuration.TrainingSubsetSize;
        if (subset < 1 || subset > dataset.TrainingImages || !probeCountInRange)
        {
            yield break;
        }

        int clean = subset - PoisonedCount(configuration, subset);
        if (defence.ProbeCount > clean)
        {
            yield return new FieldError(
                Prefix + "probeCount",
                $"Clean probes must be between 1 and {Count(clean)}, the unpoisoned images of the {Count(subset)}-image training subset; got {Count(defence.ProbeCount)}.");
        }
        else if (defence.BackdoorProbes && backdoorCountInRange && probes > clean)
        {
            yield return new FieldError(
                Prefix + "backdoorProbeCount",
                $"Clean and backdoor probes are drawn from the {Count(clean)} unpoisoned training images without overlap, so the backdoor probe count must be at most {Count(clean - defence.ProbeCount)}; got {Count(defence.BackdoorProbeCount)}.");
        }
    }

    /// <summary>Number of images the attacks poison, counting only ratios that their declared range accepts.</summary>
    private static int PoisonedCount(BackdoorConfiguration configuration, int subset)
    {
        long total = 0;
        foreach (var attack in configuration.Attacks ?? [])
        {
            if (attack is { PoisonRatio: > 0 and <= 1 })
            {
                total += PoisonPlanner.PoisonCount(attack.PoisonRatio, subset);
            }
        }

        return (int)Math.Min(total, subset);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
