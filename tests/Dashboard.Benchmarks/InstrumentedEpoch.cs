using System.Diagnostics;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Benchmarks;

/// <summary>
/// A copy of <see cref="ClassifierTrainer"/>'s epoch (shuffle, gather the batch with index_select, zero the
/// gradients, forward, cross-entropy, backward, optimiser step, read the loss, set the next learning rate) with
/// a stopwatch between the calls, and the same metric reporting after each step as <see cref="ProductTrainingLoop"/>.
/// NOTE: keep it in step with ClassifierTrainer.TrainBatch, or the phase split stops describing the product.
/// </summary>
internal sealed class InstrumentedEpoch : IDisposable
{
    private readonly Module<Tensor, Tensor> _model;
    private readonly TensorImageSet _data;
    private readonly int _batch;
    private readonly long _totalSteps;
    private readonly TrainingSettings _settings;
    private readonly optim.Optimizer _optimizer;
    private readonly Random _shuffle = new(1);
    private readonly List<(string Metric, long Step, double Value)> _metricPoints = [];
    private long _step;

    public InstrumentedEpoch(Module<Tensor, Tensor> model, int batch, int epochs, TensorImageSet data)
    {
        var defaults = new Training.Backdoor.BackdoorConfiguration();
        _settings = new TrainingSettings(defaults.Optimizer, defaults.LearningRate, defaults.Momentum, defaults.WeightDecay, defaults.Schedule, epochs, batch, 1);
        _model = model;
        _data = data;
        _batch = batch;
        _optimizer = OptimizerFactory.Create(model.parameters(), _settings);
        _totalSteps = (long)((data.Count + batch - 1) / batch) * epochs;
    }

    public EpochPhases Train()
    {
        var phases = new EpochPhases();
        long epochStart = Stopwatch.GetTimestamp();
        _model.train();

        long[] permutation = Enumerable.Range(0, _data.Count).Select(i => (long)i).ToArray();
        _shuffle.Shuffle(permutation);
        using var order = torch.tensor(permutation);
        for (int start = 0; start < _data.Count; start += _batch)
        {
            int length = Math.Min(_batch, _data.Count - start);
            double rate = LearningRates.At(_settings.Schedule, _settings.LearningRate, _step, _totalSteps);
            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }

            long mark = Stopwatch.GetTimestamp();
            float loss;
            using (var scope = torch.NewDisposeScope())
            {
                var indices = order.narrow(0, start, length);
                var images = _data.Images.index_select(0, indices);
                var labels = _data.Labels.index_select(0, indices);
                mark = phases.Record(Phase.Batch, mark);

                _optimizer.zero_grad();
                mark = phases.Record(Phase.ZeroGrad, mark);

                var logits = _model.call(images);
                var lossTensor = functional.cross_entropy(logits, labels);
                mark = phases.Record(Phase.Forward, mark);

                lossTensor.backward();
                mark = phases.Record(Phase.Backward, mark);

                _optimizer.step();
                mark = phases.Record(Phase.OptimizerStep, mark);

                loss = lossTensor.item<float>();
            }

            _step++;
            _metricPoints.Add(("train/loss", _step, loss));
            _metricPoints.Add(("train/learning_rate", _step, rate));
            phases.LastLoss = loss;
        }

        phases.Wall = Stopwatch.GetElapsedTime(epochStart).TotalSeconds;
        return phases;
    }

    public void Dispose() => _optimizer.Dispose();
}

/// <summary>Parts of a training step that <see cref="InstrumentedEpoch"/> times separately.</summary>
internal enum Phase
{
    Batch,
    ZeroGrad,
    Forward,
    Backward,
    OptimizerStep,
}

/// <summary>Seconds per phase in one epoch, and the epoch's wall time.</summary>
internal sealed class EpochPhases
{
    public double[] Seconds { get; } = new double[Enum.GetValues<Phase>().Length];

    public double Wall { get; set; }

    public double LastLoss { get; set; }

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and returns the current timestamp.</summary>
    public long Record(Phase phase, long since)
    {
        long now = Stopwatch.GetTimestamp();
        Seconds[(int)phase] += Stopwatch.GetElapsedTime(since, now).TotalSeconds;
        return now;
    }
}

/// <summary>Sums of <see cref="EpochPhases"/> over the timed epochs.</summary>
internal sealed class PhaseTimes
{
    private readonly double[] _seconds = new double[Enum.GetValues<Phase>().Length];

    public double Wall { get; private set; }

    /// <summary>Seconds inside zero_grad, forward with loss, backward and the optimiser step.</summary>
    public double InsideLibtorchCalls =>
        _seconds[(int)Phase.ZeroGrad] + _seconds[(int)Phase.Forward] + _seconds[(int)Phase.Backward] + _seconds[(int)Phase.OptimizerStep];

    public void Add(EpochPhases epoch)
    {
        for (int i = 0; i < _seconds.Length; i++)
        {
            _seconds[i] += epoch.Seconds[i];
        }

        Wall += epoch.Wall;
    }

    public Dictionary<string, double> Totals()
    {
        var totals = Enum.GetValues<Phase>().ToDictionary(phase => phase.ToString(), phase => _seconds[(int)phase]);
        totals["Wall"] = Wall;
        return totals;
    }

    public ResultTable ToTable(int epochs)
    {
        var table = new ResultTable("Where an epoch's time goes (instrumented copy, mean per epoch)", "phase", "s per epoch", "share of wall time");
        string[] names = ["batch gathering (index_select)", "zero_grad", "forward + cross-entropy", "backward", "AdamW step"];
        double accounted = 0;
        foreach (var phase in Enum.GetValues<Phase>())
        {
            double seconds = _seconds[(int)phase];
            accounted += seconds;
            table.Add(names[(int)phase], seconds / epochs, (seconds / Wall).ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Add("rest (shuffle, loss read, learning rate, metrics, scope)", (Wall - accounted) / epochs, ((Wall - accounted) / Wall).ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
        table.Add("wall", Wall / epochs, "100%");
        return table;
    }
}
