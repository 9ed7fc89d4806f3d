using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Training.Classification;
using Dashboard.Training.Models;
using Dashboard.Training.Torch;
using TorchSharp;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// One multi-attack backdoor run: poison, train, and after every epoch measure clean accuracy and each
/// attack's success rate and robust accuracy. Runs synchronously on the calling thread, which must not
/// change while it runs because TorchSharp's dispose scopes are thread-local.
/// </summary>
public sealed class BackdoorRun
{
    private const int ProgressReportsPerEpoch = 4;

    private readonly BackdoorConfiguration _configuration;
    private readonly IRunContext _context;

    public BackdoorRun(BackdoorConfiguration configuration, IRunContext context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(context);

        _configuration = configuration;
        _context = context;
    }

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

        TorchDevices.Seed(_configuration.Seed, device);
        using var model = ModelFactory.Create(_configuration, data.Dataset.Shape, data.Dataset.ClassCount);
        model.to(device);
        using var trainer = new ClassifierTrainer(model, TrainingSettingsOf(_configuration), data.Training.Count, device);

        BackdoorEvaluation? evaluation = null;
        double trainingSeconds = 0;
        int epochs = _configuration.Epochs;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var stopwatch = Stopwatch.StartNew();
            string phase = $"epoch {epoch} of {epochs}";
            trainer.TrainEpoch(data.Training, step => OnStep(step, trainer, phase), cancellationToken);
            double epochSeconds = stopwatch.Elapsed.TotalSeconds;
            trainingSeconds += epochSeconds;

            stopwatch.Restart();
            evaluation = data.Test.Evaluate(model, cancellationToken);
            double evalSeconds = stopwatch.Elapsed.TotalSeconds;

            ReportEpoch(data, evaluation, trainer.Step, epoch, epochSeconds, evalSeconds);
            _context.ReportProgress((double)epoch / epochs, $"{phase} evaluated");
        }

        _context.Log("Training finished.");
        return BackdoorSummary.Create(data.Plan, evaluation!, trainingSeconds / epochs);
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

    private void OnStep(TrainingStep step, ClassifierTrainer trainer, string phase)
    {
        _context.ReportMetric(BackdoorMetrics.TrainLoss, step.Step, step.EpochPosition, step.Loss);
        _context.ReportMetric(BackdoorMetrics.LearningRate, step.Step, step.EpochPosition, step.LearningRate);

        int interval = Math.Max(1, trainer.StepsPerEpoch / ProgressReportsPerEpoch);
        if (step.Step % interval == 0)
        {
            _context.ReportProgress((double)step.Step / trainer.TotalSteps, phase);
        }
    }

    private void ReportEpoch(BackdoorData data, BackdoorEvaluation evaluation, long step, int epoch, double epochSeconds, double evalSeconds)
    {
        _context.ReportMetric(BackdoorMetrics.CleanAccuracy, step, epoch, evaluation.CleanAccuracy);
        for (int a = 0; a < data.Plan.Count; a++)
        {
            string label = data.Plan[a].Label;
            _context.ReportMetric(BackdoorMetrics.Asr(label), step, epoch, evaluation.Attacks[a].AttackSuccessRate);
            _context.ReportMetric(BackdoorMetrics.RobustAccuracy(label), step, epoch, evaluation.Attacks[a].RobustAccuracy);
        }

        _context.ReportMetric(BackdoorMetrics.AverageAsr, step, epoch, evaluation.AverageAsr);
        _context.ReportMetric(BackdoorMetrics.EpochSeconds, step, epoch, epochSeconds);
        _context.ReportMetric(BackdoorMetrics.EvalSeconds, step, epoch, evalSeconds);

        string asr = string.Join(", ", data.Plan.Select((p, a) => $"{p.Label} {Percent(evaluation.Attacks[a].AttackSuccessRate)}"));
        _context.Log(
            $"Epoch {epoch} of {_configuration.Epochs}: clean accuracy {Percent(evaluation.CleanAccuracy)}, ASR {asr}; "
            + $"{epochSeconds:F1} s training, {evalSeconds:F1} s evaluation.");
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
