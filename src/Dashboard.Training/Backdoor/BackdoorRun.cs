using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Training.Classification;
using Dashboard.Training.Defences;
using Dashboard.Training.Defences.ActivationClustering;
using Dashboard.Training.Defences.AntiBackdoorLearning;
using Dashboard.Training.Defences.Artifacts;
using Dashboard.Training.Defences.BadLoss;
using Dashboard.Training.Defences.SpectralSignatures;
using Dashboard.Training.Models;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// One multi-attack backdoor run: poison, optionally apply a defence, train the final model, and after every
/// epoch measure clean accuracy and each attack's success rate and robust accuracy. Runs synchronously on the
/// calling thread, which must not change while it runs because TorchSharp's dispose scopes are thread-local.
/// </summary>
public sealed class BackdoorRun
{
    private const int ProgressReportsPerEpoch = 4;

    /// <summary>Checkpoint phase of the final model's training.</summary>
    public const string FinalPhase = "final";

    private readonly BackdoorConfiguration _configuration;
    private readonly IRunContext _context;

    public BackdoorRun(BackdoorConfiguration configuration, IRunContext context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(context);

        _configuration = configuration;
        _context = context;
    }

    private DefenceKind Defence => _configuration.Defence?.Kind ?? DefenceKind.None;

    public RunSummary Execute()
    {
        var cancellationToken = _context.CancellationToken;
        var device = TorchDevices.Select(_context.Environment.Device);
        TorchDevices.SetThreads(_context.Environment.TorchThreads);
        bool allocatorTuned = NativeAllocator.KeepBatchBuffersInHeap();
        _context.Log(
            $"Training on {device} with {torch.get_num_threads()} libtorch threads"
            + (allocatorTuned ? "; glibc malloc keeps blocks under 64 MiB in the heap." : "."));

        using var data = BackdoorData.Prepare(_configuration, _context, device);
        cancellationToken.ThrowIfCancellationRequested();

        return Defence == DefenceKind.None ? ExecuteUndefended(data, device) : ExecuteDefended(data, device);
    }

    private RunSummary ExecuteUndefended(BackdoorData data, Device device)
    {
        var progress = new RunProgress(_context, _configuration.Epochs);
        using var model = CreateModel(data, device);
        var checkpoints = FinalCheckpoints();
        var final = TrainFinal(data, model, rows: null, device, "epoch", progress, epochOffset: 0, checkpoints);

        _context.Log("Training finished.");
        return BackdoorSummary.Create(data.Plan, final.Evaluation, final.MeanEpochSeconds);
    }

    private RunSummary ExecuteDefended(BackdoorData data, Device device)
    {
        var rows = TrainingRows.Build(_configuration, data, _context);
        var settings = _configuration.Defence;
        int defenceEpochs = Defence switch
        {
            DefenceKind.BadLoss => settings.TrajectoryEpochs,
            DefenceKind.AntiBackdoorLearning => settings.AblIsolationEpochs + settings.AblUnlearningEpochs,
            _ => _configuration.Epochs,
        };
        var progress = new RunProgress(_context, defenceEpochs + _configuration.Epochs);
        var environment = new DefenceEnvironment(_configuration, _context, device, data, rows, progress);
        _context.Log($"Applying the {ConfigurationSchema.EnumJsonValue(Defence)} defence before training the final model.");

        if (CheckpointFolder.For(_context.Environment) is not null && Defence is not DefenceKind.BadLoss)
        {
            _context.Log(
                Defence == DefenceKind.AntiBackdoorLearning
                    ? "Anti-Backdoor Learning saves no checkpoints: a resumed run starts again from its first epoch."
                    : "This defence saves no checkpoints during its own training: a run resumed before retraining began starts the defence again.");
        }

        var (outcome, final, defenceSeconds) = Defence == DefenceKind.AntiBackdoorLearning
            ? ExecuteAntiBackdoorLearning(environment)
            : ExecuteRemoval(environment);

        _context.Log("Training finished.");

        var summary = BackdoorSummary.Create(data.Plan, final.Evaluation, final.MeanEpochSeconds);
        summary.Measures.AddRange(DefenceSummary.Measures(outcome, data.Plan, rows, defenceSeconds));
        return summary;
    }

    /// <summary>Runs a detection defence, then retrains a fresh model from scratch on the examples it kept.</summary>
    private (DefenceOutcome Outcome, FinalTraining Final, double DefenceSeconds) ExecuteRemoval(DefenceEnvironment environment)
    {
        int defenceEpochs = environment.Progress.TotalEpochs - _configuration.Epochs;
        var folder = CheckpointFolder.For(_context.Environment);
        var resume = folder?.Latest() is { Info.Phase: FinalPhase } latest ? latest : null;
        DefenceOutcome outcome;
        double defenceSeconds;
        if (resume is not null && StoredDefenceOutcome.Read(resume.Folder) is { } stored)
        {
            (outcome, defenceSeconds) = (stored.Outcome, stored.DefenceSeconds);
            _context.Log("The defence finished before the run was interrupted; retraining continues with its saved outcome.");
        }
        else
        {
            resume = null;
            var stopwatch = Stopwatch.StartNew();

            // NOTE: only BaDLoss saves checkpoints during its own training. Spectral Signatures and Activation
            // Clustering restart their defence from its first epoch when a run is resumed before retraining began.
            outcome = Defence switch
            {
                DefenceKind.BadLoss => BadLossDefence.Run(environment),
                DefenceKind.SpectralSignatures => SpectralSignaturesDefence.Run(environment),
                DefenceKind.ActivationClustering => ActivationClusteringDefence.Run(environment),
                _ => throw new InvalidOperationException($"{Defence} is not a removal defence."),
            };
            defenceSeconds = stopwatch.Elapsed.TotalSeconds;

            // Saved before retraining so that the run page shows the scores and removed pictures while the final model trains.
            DefenceArtifacts.Save(_context, Defence, outcome.Detection, environment.Rows, environment.Data);
        }

        long[] keptRows = outcome.Detection.KeptRows();
        _context.Log($"Removed {outcome.Detection.RemovedCount} of {environment.Rows.Count} training images; retraining from scratch on {keptRows.Length}.");
        using var model = CreateModel(environment.Data, environment.Device);
        var storedOutcome = new StoredDefenceOutcome(outcome, defenceSeconds);
        var checkpoints = folder is null
            ? null
            : new CheckpointPlan(folder, FinalPhase, defenceEpochs, DefenceMetrics.DefencePhasePatterns, resume, storedOutcome.Write);
        var final = TrainFinal(environment.Data, model, keptRows, environment.Device, "retraining epoch", environment.Progress, defenceEpochs, checkpoints);
        return (outcome, final, defenceSeconds);
    }

    /// <summary>
    /// Runs Anti-Backdoor Learning on one model: isolation, training on the examples not isolated (reported as the
    /// final model's <c>train/*</c> and <c>test/*</c>), then unlearning, whose epochs continue the test curves.
    /// </summary>
    private (DefenceOutcome Outcome, FinalTraining Final, double DefenceSeconds) ExecuteAntiBackdoorLearning(DefenceEnvironment environment)
    {
        // NOTE: Anti-Backdoor Learning saves no checkpoints, because isolation, training and unlearning share one
        // model; a resumed run starts again from its first isolation epoch.
        var settings = environment.Settings;
        var data = environment.Data;
        var stopwatch = Stopwatch.StartNew();
        using var model = CreateModel(data, environment.Device);
        var isolation = AntiBackdoorLearningDefence.Isolate(environment, model);
        double defenceSeconds = stopwatch.Elapsed.TotalSeconds;
        DefenceArtifacts.Save(_context, Defence, isolation, environment.Rows, data);

        var beforeUnlearning = TrainFinal(
            data, model, isolation.KeptRows(), environment.Device, "training without isolated examples, epoch", environment.Progress, settings.AblIsolationEpochs);

        var final = beforeUnlearning;
        var unlearningClock = Stopwatch.StartNew();
        double progressOffset = settings.AblIsolationEpochs + _configuration.Epochs;
        AntiBackdoorLearningDefence.Unlearn(
            environment,
            model,
            isolation,
            stepOffset: beforeUnlearning.Steps,
            epochOffset: _configuration.Epochs,
            afterEpoch: (epoch, step) =>
            {
                double epochSeconds = unlearningClock.Elapsed.TotalSeconds;
                var clock = Stopwatch.StartNew();
                var evaluation = data.Test.Evaluate(model, _context.CancellationToken);
                string phase = $"unlearning epoch {epoch} of {settings.AblUnlearningEpochs}";
                ReportEpoch(data, evaluation, step, _configuration.Epochs + epoch, epochSeconds, clock.Elapsed.TotalSeconds, phase);
                environment.Progress.Report(progressOffset + epoch, $"{phase} evaluated");
                final = final with { Evaluation = evaluation };
                unlearningClock.Restart();
            });

        var outcome = new DefenceOutcome(isolation, beforeUnlearning.Evaluation, AntiBackdoorLearningDefence.BeforeDescription);
        return (outcome, final, defenceSeconds);
    }

    private Module<Tensor, Tensor> CreateModel(BackdoorData data, Device device)
    {
        TorchDevices.Seed(_configuration.Seed, device);
        var model = ModelFactory.Create(_configuration, data.Dataset.Shape, data.Dataset.ClassCount);
        model.to(device);
        return model;
    }

    /// <summary>
    /// Trains <paramref name="model"/> for the configuration's epochs on <paramref name="rows"/> of the training
    /// tensor (null: all), reporting <c>train/*</c> every step and <c>test/*</c> after every epoch.
    /// </summary>
    /// <param name="phase">Progress text before " e of n", for example "epoch" or "retraining epoch".</param>
    /// <param name="epochOffset">Epochs of the whole run done before this phase, for progress.</param>
    private FinalTraining TrainFinal(
        BackdoorData data,
        Module<Tensor, Tensor> model,
        IReadOnlyList<long>? rows,
        Device device,
        string phase,
        RunProgress progress,
        double epochOffset,
        CheckpointPlan? checkpoints = null)
    {
        var cancellationToken = _context.CancellationToken;
        int count = rows?.Count ?? data.Training.Count;
        using var trainer = new ClassifierTrainer(model, TrainingSettingsOf(_configuration), count, device);

        BackdoorEvaluation? evaluation = null;
        double trainingSeconds = 0;
        int epochs = _configuration.Epochs;
        int firstEpoch = 1;
        if (checkpoints?.Resume is { } resume)
        {
            TrainingCheckpoint.Restore(resume, model, trainer);
            firstEpoch = resume.Info.Epoch + 1;
            trainingSeconds = resume.Info.TrainingSeconds;
            _context.Log($"Resumed from the checkpoint after {phase} {resume.Info.Epoch} of {epochs} (step {resume.Info.Step}).");
        }

        for (int epoch = firstEpoch; epoch <= epochs; epoch++)
        {
            var stopwatch = Stopwatch.StartNew();
            string label = $"{phase} {epoch} of {epochs}";
            trainer.TrainEpoch(data.Training.Images, data.Training.Labels, rows, step => OnStep(step, trainer, label, progress, epochOffset), cancellationToken);
            double epochSeconds = stopwatch.Elapsed.TotalSeconds;
            trainingSeconds += epochSeconds;

            stopwatch.Restart();
            evaluation = data.Test.Evaluate(model, cancellationToken);
            double evalSeconds = stopwatch.Elapsed.TotalSeconds;

            ReportEpoch(data, evaluation, trainer.Step, epoch, epochSeconds, evalSeconds, label);
            progress.Report(epochOffset + epoch, $"{label} evaluated");
            if (checkpoints is not null)
            {
                // The server must hold every point up to this epoch before the checkpoint exists, because a resume
                // keeps the stored points up to the checkpoint's step and trains on from there.
                _context.StoreReports();
                TrainingCheckpoint.Save(checkpoints.Folder, checkpoints.Describe(epoch, trainer.Step, trainingSeconds), model, trainer, checkpoints.WriteStudyState);
            }
        }

        // A run resumed from the checkpoint of its last epoch trains no further and only needs the final evaluation.
        evaluation ??= data.Test.Evaluate(model, cancellationToken);
        return new FinalTraining(evaluation, trainingSeconds / epochs, trainer.Step);
    }

    private static TrainingSettings TrainingSettingsOf(BackdoorConfiguration configuration) => new(
        configuration.Optimizer,
        configuration.LearningRate,
        configuration.Momentum,
        configuration.WeightDecay,
        configuration.Schedule,
        configuration.Epochs,
        configuration.BatchSize,
        new RunSeeds(configuration.Seed).Shuffle);

    private void OnStep(TrainingStep step, ClassifierTrainer trainer, string phase, RunProgress progress, double epochOffset)
    {
        _context.ReportMetric(BackdoorMetrics.TrainLoss, step.Step, step.EpochPosition, step.Loss);
        _context.ReportMetric(BackdoorMetrics.LearningRate, step.Step, step.EpochPosition, step.LearningRate);

        int interval = Math.Max(1, trainer.StepsPerEpoch / ProgressReportsPerEpoch);
        if (step.Step % interval == 0)
        {
            progress.Report(epochOffset + step.EpochPosition, phase);
        }
    }

    private void ReportEpoch(BackdoorData data, BackdoorEvaluation evaluation, long step, int epoch, double epochSeconds, double evalSeconds, string phase)
    {
        BackdoorMetrics.ReportEvaluation(_context, data.Plan, evaluation, step, epoch);
        _context.ReportMetric(BackdoorMetrics.EpochSeconds, step, epoch, epochSeconds);
        _context.ReportMetric(BackdoorMetrics.EvalSeconds, step, epoch, evalSeconds);

        string asr = string.Join(", ", data.Plan.Select((p, a) => $"{p.Label} {Percent(evaluation.Attacks[a].AttackSuccessRate)}"));
        _context.Log(
            $"{char.ToUpperInvariant(phase[0])}{phase[1..]}: clean accuracy {Percent(evaluation.CleanAccuracy)}, ASR {asr}; "
            + $"{epochSeconds:F1} s training, {evalSeconds:F1} s evaluation.");
    }

    /// <summary>
    /// Returns the checkpoint plan of the final model's training, with the checkpoint to resume from if the
    /// run's folder has one of that phase, or null when the run saves no checkpoints.
    /// </summary>
    private CheckpointPlan? FinalCheckpoints()
    {
        if (CheckpointFolder.For(_context.Environment) is not { } folder)
        {
            return null;
        }

        var latest = folder.Latest();
        if (latest is not null && latest.Info.Phase != FinalPhase)
        {
            _context.Log($"Ignoring the checkpoint of phase '{latest.Info.Phase}'; training the final model from its first epoch.");
            latest = null;
        }

        return new CheckpointPlan(folder, FinalPhase, OrdinalOffset: 0, CompletedMetrics: [], latest);
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>Results of the final model's training.</summary>
    /// <param name="Steps">Optimiser steps the final training took.</param>
    private sealed record FinalTraining(BackdoorEvaluation Evaluation, double MeanEpochSeconds, long Steps);
}
