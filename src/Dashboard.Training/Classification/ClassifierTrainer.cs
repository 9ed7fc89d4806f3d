using Dashboard.Training.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Classification;

/// <summary>
/// Trains an image classifier with cross-entropy, one epoch per call, synchronously on the calling
/// thread. Each batch runs in its own dispose scope and only the loss leaves it as a float. The epoch's
/// image order comes from <see cref="Random"/> seeded with <see cref="TrainingSettings.Seed"/>, so the same
/// seed, data and libtorch thread count repeat a run exactly on a CPU.
/// </summary>
public sealed class ClassifierTrainer : IDisposable
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly TrainingSettings _settings;
    private readonly Device _device;
    private readonly int _trainingImages;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly Random _shuffle;

    /// <param name="model">Model already on <paramref name="device"/>; the trainer does not own it.</param>
    /// <param name="trainingImages">Images per epoch; sets the steps per epoch and so the schedule's length.</param>
    public ClassifierTrainer(Module<Tensor, Tensor> model, TrainingSettings settings, int trainingImages, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainingImages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Epochs);

        _model = model;
        _settings = settings;
        _device = device;
        _trainingImages = trainingImages;
        _optimizer = OptimizerFactory.Create(model.parameters(), settings);
        _shuffle = new Random(settings.Seed);
        StepsPerEpoch = (trainingImages + settings.BatchSize - 1) / settings.BatchSize;
        TotalSteps = (long)StepsPerEpoch * settings.Epochs;
    }

    /// <summary>Optimiser updates per epoch; the last batch of an epoch may be smaller than the batch size.</summary>
    public int StepsPerEpoch { get; }

    public long TotalSteps { get; }

    /// <summary>Optimiser updates applied so far.</summary>
    public long Step { get; private set; }

    public int EpochsDone { get; private set; }

    /// <summary>
    /// Runs one epoch over <paramref name="data"/> in a new random order and calls
    /// <paramref name="onStep"/> after every update. Checks <paramref name="cancellationToken"/> before
    /// every batch and throws <see cref="OperationCanceledException"/> when it fires.
    /// </summary>
    public void TrainEpoch(TensorImageSet data, Action<TrainingStep> onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        TrainEpoch(data.Images, data.Labels, rows: null, onStep, cancellationToken);
    }

    /// <summary>
    /// Runs one epoch over the <paramref name="rows"/> of <paramref name="images"/> [N, C, H, W] and
    /// <paramref name="labels"/> [N], or over all N rows when <paramref name="rows"/> is null, in a new random
    /// order. A row listed twice is trained on twice per epoch, which is how extra copies of an image are
    /// inserted without copying pixels. <paramref name="objective"/> maps each batch's mean cross-entropy
    /// (a scalar tensor) to the value the optimiser minimises; null minimises the cross-entropy itself.
    /// <see cref="TrainingStep.Loss"/> always reports the cross-entropy. Checks
    /// <paramref name="cancellationToken"/> before every batch.
    /// </summary>
    public void TrainEpoch(
        Tensor images,
        Tensor labels,
        IReadOnlyList<long>? rows,
        Action<TrainingStep> onStep,
        CancellationToken cancellationToken,
        Func<Tensor, Tensor>? objective = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(onStep);
        long count = rows?.Count ?? images.shape[0];
        if (count != _trainingImages)
        {
            throw new ArgumentException($"The trainer was set up for {_trainingImages} images per epoch; got {count}.", nameof(rows));
        }

        _model.train();
        using var order = torch.tensor(NextPermutation(rows), device: _device);
        for (int batch = 0; batch < StepsPerEpoch; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            int start = batch * _settings.BatchSize;
            int length = Math.Min(_settings.BatchSize, _trainingImages - start);
            double rate = LearningRates.At(_settings.Schedule, _settings.LearningRate, Step, TotalSteps);
            SetLearningRate(rate);

            float loss = TrainBatch(images, labels, order, start, length, objective);

            Step++;
            onStep(new TrainingStep(Step, EpochsDone + (batch + 1.0) / StepsPerEpoch, loss, rate));
        }

        EpochsDone++;
    }

    /// <summary>
    /// Writes the optimiser's state (AdamW moments and step counts, SGD momentum buffers, with each parameter
    /// group's settings) to <paramref name="path"/> in TorchSharp's state-dictionary format.
    /// </summary>
    public void SaveOptimizerState(string path)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        ((OptimizerHelper)_optimizer).save_state_dict(writer);
    }

    /// <summary>
    /// Continues after <paramref name="epochsDone"/> epochs and <paramref name="step"/> updates of an earlier
    /// trainer with the same settings: loads its optimiser state from <paramref name="optimizerStatePath"/> and
    /// replays the shuffles of the epochs done, so the next epoch trains on the image order of an uninterrupted run.
    /// The learning rate follows from <paramref name="step"/> through the schedule and needs no saved state.
    /// </summary>
    public void Restore(int epochsDone, long step, string optimizerStatePath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochsDone);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (Step != 0 || EpochsDone != 0)
        {
            throw new InvalidOperationException("A trainer can only be restored before it trains.");
        }

        using (var stream = File.OpenRead(optimizerStatePath))
        using (var reader = new BinaryReader(stream))
        {
            ((OptimizerHelper)_optimizer).load_state_dict(reader);
        }

        // Random.Shuffle draws the same numbers for any array of one length, so shuffling placeholders advances
        // the generator exactly as the skipped epochs did.
        var placeholder = new long[_trainingImages];
        for (int epoch = 0; epoch < epochsDone; epoch++)
        {
            _shuffle.Shuffle(placeholder);
        }

        EpochsDone = epochsDone;
        Step = step;
    }

    public void Dispose() => _optimizer.Dispose();

    private float TrainBatch(Tensor images, Tensor labels, Tensor order, int start, int length, Func<Tensor, Tensor>? objective)
    {
        using var scope = torch.NewDisposeScope();

        var batchIndices = order.narrow(0, start, length);
        var batchImages = images.index_select(0, batchIndices);
        var batchLabels = labels.index_select(0, batchIndices);

        _optimizer.zero_grad();
        var logits = _model.call(batchImages);
        var loss = functional.cross_entropy(logits, batchLabels);
        var minimised = objective is null ? loss : objective(loss);
        minimised.backward();
        _optimizer.step();

        return loss.item<float>();
    }

    private void SetLearningRate(double rate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    private long[] NextPermutation(IReadOnlyList<long>? rows)
    {
        var order = new long[_trainingImages];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = rows is null ? i : rows[i];
        }

        _shuffle.Shuffle(order);
        return order;
    }
}
