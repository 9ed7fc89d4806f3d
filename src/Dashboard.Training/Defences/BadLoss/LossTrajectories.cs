namespace Dashboard.Training.Defences.BadLoss;

/// <summary>
/// Every example's recorded loss after each trajectory epoch: one array of per-example losses per epoch.
/// </summary>
public sealed class LossTrajectories
{
    private readonly List<float[]> _epochs = [];

    public LossTrajectories(int exampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exampleCount);
        ExampleCount = exampleCount;
    }

    public int ExampleCount { get; }

    public int EpochCount => _epochs.Count;

    /// <summary>Losses of all examples after one epoch, in example order.</summary>
    public IReadOnlyList<float> Epoch(int epoch) => _epochs[epoch];

    public void Add(float[] losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Length != ExampleCount)
        {
            throw new ArgumentException($"Expected {ExampleCount} losses; got {losses.Length}.", nameof(losses));
        }

        _epochs.Add(losses);
    }

    /// <summary>Writes every recorded epoch to <paramref name="path"/>: the epoch and example counts, then the losses as little-endian floats.</summary>
    public void Write(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(EpochCount);
        writer.Write(ExampleCount);
        foreach (float[] losses in _epochs)
        {
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(losses.AsSpan()));
        }
    }

    /// <summary>Replaces the recorded epochs with those written by <see cref="Write"/> to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file contains trajectories of another number of examples.</exception>
    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int epochs = reader.ReadInt32();
        int examples = reader.ReadInt32();
        if (examples != ExampleCount || epochs < 0)
        {
            throw new InvalidDataException($"{path} contains {epochs} epochs of {examples} examples; expected {ExampleCount} examples. Delete the run's checkpoints to restart it.");
        }

        _epochs.Clear();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var losses = new float[examples];
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(losses.AsSpan()));
            _epochs.Add(losses);
        }
    }

    /// <summary>Returns the mean loss over all examples of each epoch.</summary>
    public double[] EpochMeans() => [.. _epochs.Select(losses => losses.Average(loss => (double)loss))];

    /// <summary>
    /// Returns the trajectories of <paramref name="examples"/> restricted to <paramref name="epochs"/>, as a
    /// row-major matrix with one row of <c>epochs.Count</c> values per listed example.
    /// </summary>
    public float[] Rows(IReadOnlyList<int> examples, IReadOnlyList<int> epochs)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(epochs);

        int width = epochs.Count;
        var matrix = new float[checked(examples.Count * width)];
        for (int e = 0; e < width; e++)
        {
            float[] losses = _epochs[epochs[e]];
            for (int i = 0; i < examples.Count; i++)
            {
                matrix[i * width + e] = losses[examples[i]];
            }
        }

        return matrix;
    }
}
