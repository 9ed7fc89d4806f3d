namespace Dashboard.Training.Backdoor;

public static class TrainingSubset
{
    /// <summary>
    /// Returns <paramref name="subsetSize"/> distinct indices of a <paramref name="datasetSize"/>-image
    /// training split, ascending: all of them when the sizes are equal, else a uniform random sample drawn
    /// with <see cref="Random"/> seeded by <paramref name="seed"/>.
    /// </summary>
    public static int[] Choose(int datasetSize, int subsetSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subsetSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subsetSize, datasetSize);

        var indices = new int[datasetSize];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        if (subsetSize == datasetSize)
        {
            return indices;
        }

        new Random(seed).Shuffle(indices);
        var subset = indices[..subsetSize];
        Array.Sort(subset);
        return subset;
    }
}
