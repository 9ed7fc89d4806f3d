using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>
/// The product's training loop as a backdoor run drives it: <see cref="ClassifierTrainer"/> with the default
/// configuration's optimiser, learning rate, weight decay and cosine schedule, and a step callback that reports
/// <c>train/loss</c> and <c>train/learning_rate</c> to a run context every step and progress four times per
/// epoch, as BackdoorRun's step callback does. The context keeps metric points in memory, as the dashboard's
/// worker buffers them before sending. Owns the trainer, not the model or the data.
/// </summary>
internal sealed class ProductTrainingLoop : IDisposable
{
    private const int ProgressReportsPerEpoch = 4;

    private readonly ClassifierTrainer _trainer;
    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly IReadOnlyList<long>? _rows;
    private readonly IRunContext _context;
    private readonly int _epochs;

    /// <param name="rows">Rows of <paramref name="images"/> in every epoch; null for all.</param>
    /// <param name="epochs">Epochs the cosine schedule spans.</param>
    public ProductTrainingLoop(nn.Module<Tensor, Tensor> model, int batch, int epochs, Tensor images, Tensor labels, IReadOnlyList<long>? rows)
    {
        var defaults = new BackdoorConfiguration();
        var settings = new TrainingSettings(
            defaults.Optimizer,
            defaults.LearningRate,
            defaults.Momentum,
            defaults.WeightDecay,
            defaults.Schedule,
            epochs,
            batch,
            new RunSeeds(defaults.Seed).Shuffle);
        int count = rows?.Count ?? checked((int)images.shape[0]);
        _trainer = new ClassifierTrainer(model, settings, count, CPU);
        _images = images;
        _labels = labels;
        _rows = rows;
        _epochs = epochs;
        _context = new ConsoleRunContext(new RunEnvironment(), (metric, step, epoch, value) => MetricPoints.Add((metric, step, value)));
    }

    public List<(string Metric, long Step, double Value)> MetricPoints { get; } = [];

    public int StepsPerEpoch => _trainer.StepsPerEpoch;

    /// <summary>Trains one epoch and calls <paramref name="afterStep"/> after the product's own step callback.</summary>
    public void TrainEpoch(Action<TrainingStep> afterStep)
    {
        int interval = Math.Max(1, _trainer.StepsPerEpoch / ProgressReportsPerEpoch);
        _trainer.TrainEpoch(
            _images,
            _labels,
            _rows,
            step =>
            {
                _context.ReportMetric(BackdoorMetrics.TrainLoss, step.Step, step.EpochPosition, step.Loss);
                _context.ReportMetric(BackdoorMetrics.LearningRate, step.Step, step.EpochPosition, step.LearningRate);
                if (step.Step % interval == 0)
                {
                    _context.ReportProgress(step.EpochPosition / _epochs, "epoch");
                }

                afterStep(step);
            },
            CancellationToken.None);
    }

    public void Dispose() => _trainer.Dispose();
}
