namespace Dashboard.Training.Tests.Backdoor.Triggers;

/// <summary>Compares floats as equal when they differ by at most the tolerance.</summary>
internal sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float value) => 0;
}
