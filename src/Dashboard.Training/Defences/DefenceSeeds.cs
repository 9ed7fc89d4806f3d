namespace Dashboard.Training.Defences;

/// <summary>
/// Seeds for a defence's random choices, derived from the run's seed on streams apart from those of
/// <see cref="Backdoor.RunSeeds"/>, so that adding a defence does not change which images are poisoned.
/// </summary>
public sealed class DefenceSeeds(int seed)
{
    public int CleanProbes => Derive(101);

    public int BackdoorProbes => Derive(102);

    /// <summary>Order of training images in the defence's own training runs.</summary>
    public int Shuffle => Derive(103);

    /// <summary>Random test matrices of the SVDs and starts of k-means.</summary>
    public int Analysis => Derive(104);

    // SplitMix64 finaliser, the same mix as RunSeeds: fixed and platform-independent.
    private int Derive(int stream)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
