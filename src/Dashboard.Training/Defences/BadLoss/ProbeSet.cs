using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// The tensors BaDLoss trains its trajectory model on: the poisoned training rows, followed by the
/// defender's backdoor probe images when the older variant is on. Clean probes need no pixels of their own:
/// they are extra copies of training rows, listed twice in the epoch's rows. Owns the tensors it creates.
/// </summary>
public sealed class ProbeSet : IDisposable
{
    private readonly bool _ownsTensors;

    private ProbeSet(Tensor images, Tensor labels, int trainingCount, int backdoorProbeCount, bool ownsTensors)
    {
        Images = images;
        Labels = labels;
        TrainingCount = trainingCount;
        BackdoorProbeCount = backdoorProbeCount;
        _ownsTensors = ownsTensors;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    /// <summary>Rows 0 to TrainingCount - 1 are the training rows.</summary>
    public int TrainingCount { get; }

    /// <summary>Rows TrainingCount to TrainingCount + BackdoorProbeCount - 1 are the backdoor probes.</summary>
    public int BackdoorProbeCount { get; }

    public int RowCount => TrainingCount + BackdoorProbeCount;

    /// <summary>Uses the training tensors as they are, without backdoor probes.</summary>
    public static ProbeSet WithoutBackdoorProbes(TensorImageSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new ProbeSet(training.Images, training.Labels, training.Count, 0, ownsTensors: false);
    }

    /// <summary>
    /// Appends a copy of each training row in <paramref name="sources"/> with <see cref="MirroredPatch"/> stamped
    /// on it and relabelled to <paramref name="label"/>.
    /// </summary>
    public static ProbeSet WithBackdoorProbes(TensorImageSet training, IReadOnlyList<int> sources, int label)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(sources);

        var shape = training.Shape;
        float[] pixels = CopyRows(training.Images, sources);
        for (int i = 0; i < sources.Count; i++)
        {
            MirroredPatch.Apply(pixels.AsSpan(i * shape.PixelCount, shape.PixelCount), shape);
        }

        var device = training.Images.device;
        using var probeImages = torch.tensor(pixels, [sources.Count, shape.Channels, shape.Height, shape.Width], device: device);
        using var probeLabels = torch.full(sources.Count, label, dtype: ScalarType.Int64, device: device);
        var images = torch.cat([training.Images, probeImages], 0);
        var labels = torch.cat([training.Labels, probeLabels], 0);
        return new ProbeSet(images, labels, training.Count, sources.Count, ownsTensors: true);
    }

    public void Dispose()
    {
        if (_ownsTensors)
        {
            Images.Dispose();
            Labels.Dispose();
        }
    }

    private static float[] CopyRows(Tensor images, IReadOnlyList<int> rows)
    {
        using var scope = torch.NewDisposeScope();
        var index = torch.tensor(rows.Select(row => (long)row).ToArray(), device: images.device);
        using var values = images.index_select(0, index).cpu().contiguous().data<float>();
        return values.ToArray();
    }
}
