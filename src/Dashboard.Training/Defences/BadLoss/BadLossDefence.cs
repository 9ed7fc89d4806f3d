using Dashboard.Core.Checkpoints;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// BaDLoss from "Protecting against simultaneous data poisoning attacks" (Alex, Siddiqui, Sanyal and Krueger,
/// arXiv 2408.13221). A fresh model trains on the poisoned set with extra copies of known-clean probes. After
/// every epoch it records each example's cross-entropy (eval mode, clamped at 100). Epochs with a loss spike
/// are dropped, each example is scored by the mean distance of its loss trajectory to its k nearest clean-probe
/// trajectories, and the highest-scored share of the training set is removed. The caller retrains on the rest.
/// </summary>
public static class BadLossDefence
{
    /// <summary>Upper clamp of every recorded per-example loss.</summary>
    public const double MaximumLoss = 100;

    public const string ScoreName = "BaDLoss rank score";

    /// <summary>Score name of the older variant, whose raw score is the backdoor-probe share of the 2-class kNN.</summary>
    public const string TwoClassScoreName = "BaDLoss rank score (2-class kNN backdoor-probe share)";

    /// <summary>Checkpoint phase of the trajectory model's training.</summary>
    public const string TrajectoryPhase = "badloss-trajectory";

    /// <summary>File in each trajectory checkpoint containing the losses recorded so far.</summary>
    public const string TrajectoriesFile = "trajectories.bin";

    public static DefenceOutcome Run(DefenceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var settings = environment.Settings;
        var rows = environment.Rows;
        var context = environment.Context;
        var seeds = new DefenceSeeds(environment.Configuration.Seed);

        int[] untouched = rows.Untouched();
        int[] cleanProbes = ProbeDraw.Draw(untouched, settings.ProbeCount, seeds.CleanProbes, "clean probes");
        int[] backdoorSources = settings.BackdoorProbes ? DrawBackdoorSources(settings, rows, untouched, cleanProbes, seeds) : [];

        using var probeSet = settings.BackdoorProbes
            ? ProbeSet.WithBackdoorProbes(environment.Data.Training, backdoorSources, settings.BackdoorProbeLabel)
            : ProbeSet.WithoutBackdoorProbes(environment.Data.Training);
        int[] backdoorProbeRows = [.. Enumerable.Range(probeSet.TrainingCount, probeSet.BackdoorProbeCount)];
        context.Log(
            $"BaDLoss: training a trajectory model for {settings.TrajectoryEpochs} epochs on {rows.Count} training images, "
            + $"{cleanProbes.Length} clean probe copies and {backdoorProbeRows.Length} backdoor probes.");

        var groups = new LossGroups(rows, cleanProbes, backdoorProbeRows);
        var trajectories = new LossTrajectories(probeSet.RowCount);
        BackdoorEvaluation before;
        using (var model = DefenceTraining.CreateModel(environment))
        {
            DefenceTraining.Train(
                environment,
                model,
                probeSet.Images,
                probeSet.Labels,
                TrainingRowsWithCopies(probeSet.RowCount, cleanProbes),
                settings.TrajectoryEpochs,
                seeds.Shuffle,
                "trajectory",
                epochOffset: 0,
                afterEpoch: (epoch, step) =>
                {
                    float[] losses = ExampleLosses.Compute(
                        model, probeSet.Images, probeSet.Labels, rows: null, BackdoorTestSets.EvaluationBatchSize, MaximumLoss, environment.CancellationToken);
                    trajectories.Add(losses);
                    groups.Report(context, losses, step, epoch);
                },
                checkpoints: TrajectoryCheckpoints(environment, trajectories));
            before = DefenceTraining.Evaluate(environment, model, "BaDLoss trajectory model");
        }

        environment.Progress.Report(settings.TrajectoryEpochs, "scoring");
        double[] scores = Score(environment, trajectories, cleanProbes, backdoorProbeRows);
        bool[] removed = RemoveTop(scores, settings.RemovalFraction);
        return new DefenceOutcome(
            new DetectionResult(settings.BackdoorProbes ? TwoClassScoreName : ScoreName, scores, removed),
            before,
            $"BaDLoss trajectory model ({settings.TrajectoryEpochs} epochs with probes)");
    }

    /// <summary>
    /// Returns the checkpoint plan of the trajectory training, or null when the run saves no checkpoints. When the
    /// latest checkpoint is a trajectory one, its recorded losses are loaded into <paramref name="trajectories"/>
    /// and training continues after its epoch.
    /// </summary>
    private static CheckpointPlan? TrajectoryCheckpoints(DefenceEnvironment environment, LossTrajectories trajectories)
    {
        if (CheckpointFolder.For(environment.Context.Environment) is not { } folder)
        {
            return null;
        }

        var resume = folder.Latest() is { Info.Phase: TrajectoryPhase } latest ? latest : null;
        if (resume is not null)
        {
            trajectories.Load(resume.File(TrajectoriesFile));
            if (trajectories.EpochCount != resume.Info.Epoch)
            {
                throw new InvalidDataException(
                    $"The checkpoint after trajectory epoch {resume.Info.Epoch} contains {trajectories.EpochCount} epochs of losses; delete the run's checkpoints to restart it.");
            }
        }

        return new CheckpointPlan(
            folder,
            TrajectoryPhase,
            OrdinalOffset: 0,
            CompletedMetrics: [],
            resume,
            directory => trajectories.Write(Path.Combine(directory, TrajectoriesFile)));
    }

    /// <summary>Returns every row once plus each clean probe's row a second time: the probes' extra copies.</summary>
    private static long[] TrainingRowsWithCopies(int rowCount, int[] cleanProbes)
    {
        var epochRows = new long[rowCount + cleanProbes.Length];
        for (int row = 0; row < rowCount; row++)
        {
            epochRows[row] = row;
        }

        for (int p = 0; p < cleanProbes.Length; p++)
        {
            epochRows[rowCount + p] = cleanProbes[p];
        }

        return epochRows;
    }

    private static int[] DrawBackdoorSources(DefenceSettings settings, TrainingRows rows, int[] untouched, int[] cleanProbes, DefenceSeeds seeds)
    {
        var excluded = new HashSet<int>(cleanProbes);
        int[] candidates = [.. untouched.Where(row => !excluded.Contains(row) && rows.GivenLabel[row] != settings.BackdoorProbeLabel)];
        return ProbeDraw.Draw(candidates, settings.BackdoorProbeCount, seeds.BackdoorProbes, $"backdoor probes outside class {settings.BackdoorProbeLabel}");
    }

    private static double[] Score(DefenceEnvironment environment, LossTrajectories trajectories, int[] cleanProbes, int[] backdoorProbeRows)
    {
        var settings = environment.Settings;
        int[] keptEpochs = LossSpikeFilter.KeptEpochs(trajectories.EpochMeans(), settings.SpikeFactor, settings.SpikeWindow);
        int dropped = trajectories.EpochCount - keptEpochs.Length;
        environment.Context.Log(
            $"BaDLoss: kept {keptEpochs.Length} of {trajectories.EpochCount} trajectory epochs"
            + (dropped == 0 ? "; no loss spike." : $"; dropped epochs {string.Join(", ", Enumerable.Range(1, trajectories.EpochCount).Except(keptEpochs.Select(e => e + 1)))} as loss spikes."));

        int[] examples = [.. Enumerable.Range(0, environment.Rows.Count)];
        float[] exampleMatrix = trajectories.Rows(examples, keptEpochs);
        float[] cleanMatrix = trajectories.Rows(cleanProbes, keptEpochs);
        // NOTE: the 2-class share takes only k + 1 values, so many rows tie at the removal cut-off, and
        // RemoveTop then takes the tied rows in row order rather than by any further evidence.
        double[] raw = settings.BackdoorProbes
            ? TrajectoryScorer.BackdoorNeighbourShare(exampleMatrix, cleanMatrix, trajectories.Rows(backdoorProbeRows, keptEpochs), keptEpochs.Length, settings.TwoClassNearestProbes)
            : TrajectoryScorer.MeanDistanceToNearestProbes(exampleMatrix, cleanMatrix, keptEpochs.Length, settings.NearestProbes);
        return TrajectoryScorer.RankScores(raw);
    }

    /// <summary>Removes round(fraction × N) rows with the highest scores; equal scores go in row order.</summary>
    internal static bool[] RemoveTop(double[] scores, double fraction)
    {
        int count = (int)Math.Round(fraction * scores.Length, MidpointRounding.AwayFromZero);
        var removed = new bool[scores.Length];
        foreach (int row in Ranks.Top(scores, count))
        {
            removed[row] = true;
        }

        return removed;
    }
}
