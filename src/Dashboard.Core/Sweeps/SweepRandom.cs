namespace Dashboard.Core.Sweeps;

/// <summary>
/// The SplitMix64 generator. It is defined here rather than using <see cref="Random"/> so that the trials of
/// a stored random search depend only on this code and not on the .NET version's <see cref="Random"/>.
/// </summary>
internal sealed class SweepRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>Returns a number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns an integer in [<paramref name="low"/>, <paramref name="highExclusive"/>).</summary>
    public long NextInt64(long low, long highExclusive)
    {
        ulong span = unchecked((ulong)(highExclusive - low));

        // Rejects the last partial block of 2^64 values so that every integer in the span is equally likely.
        ulong limit = ulong.MaxValue - (ulong.MaxValue % span);
        ulong bits;
        do
        {
            bits = NextBits();
        }
        while (bits >= limit);

        return low + (long)(bits % span);
    }

    public int Next(int count) => (int)NextInt64(0, count);

    private ulong NextBits()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
