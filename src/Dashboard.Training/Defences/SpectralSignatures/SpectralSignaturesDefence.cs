using System.Globalization;
using Dashboard.Training.Defences.Detection;
using Dashboard.Training.Defences.Features;

namespace Dashboard.Training.Defences.SpectralSignatures;

/// <summary>
/// Spectral Signatures ("Spectral Signatures in Backdoor Attacks", Tran, Li and Madry, arXiv 1811.00636):
/// train on the poisoned set, score each example of each class by <see cref="SpectralSignatureScorer"/>, and
/// remove the highest-scored share of every class. The caller retrains on the rest.
/// </summary>
public static class SpectralSignaturesDefence
{
    public const string ScoreName = "Spectral signature score (rank within class)";

    public static DefenceOutcome Run(DefenceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var settings = environment.Settings;
        int seed = new DefenceSeeds(environment.Configuration.Seed).Analysis;
        var scores = new double[environment.Rows.Count];
        var removed = new bool[environment.Rows.Count];

        var (model, before) = UndefendedModel.Train(environment);
        using (model)
        {
            environment.Progress.Report(environment.Configuration.Epochs, "scoring");
            ClassFeatures.ForEachClass(environment, model, (label, classRows, features, dimension) =>
            {
                double[] raw = SpectralSignatureScorer.Scores(features, classRows.Length, dimension, seed + label);

                // Scores are compared within a class only, so the run-wide score is the rank within the class.
                double[] ranks = Ranks.Normalised(raw);
                int removeCount = (int)Math.Round(settings.SpectralRemovalFraction * classRows.Length, MidpointRounding.AwayFromZero);
                foreach (int position in Ranks.Top(raw, removeCount))
                {
                    removed[classRows[position]] = true;
                }

                for (int i = 0; i < classRows.Length; i++)
                {
                    scores[classRows[i]] = ranks[i];
                }

                environment.Context.Log(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Spectral Signatures: class {label}, {classRows.Length} examples of {dimension} features, removed {removeCount}."));
            });
        }

        return new DefenceOutcome(new DetectionResult(ScoreName, scores, removed), before, UndefendedModel.Description);
    }
}
