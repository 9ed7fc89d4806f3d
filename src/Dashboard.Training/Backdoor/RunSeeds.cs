namespace Dashboard.Training.Backdoor;

/// <summary>
/// Independent seeds for the random choices of one run, derived from the configured seed so that
/// changing, say, the number of attacks does not change which training subset is drawn.
/// </summary>
public sealed class RunSeeds(int seed)
{
    public int Seed { get; } = seed;

    public int Subset => Derive(1, 0);

    public int Poisons => Derive(2, 0);

    public int Shuffle => Derive(3, 0);

    public int Pattern(int attackIndex) => Derive(4, attackIndex);

    // SplitMix64 finaliser: a fixed, platform-independent mix (string.GetHashCode is randomised per process).
    private int Derive(int stream, int index)
    {
        ulong z = unchecked((ulong)(uint)Seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
