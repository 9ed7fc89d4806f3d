using Dashboard.Training.Defences.Detection;

namespace Dashboard.Training.Tests.Defences;

public sealed class RemovalQualityTests
{
    // Rows: 4 clean, 3 of attack 0, 2 of attack 1. Removed: 1 clean, 2 of attack 0, 1 of attack 1.
    private static readonly int[] AttackOfRow = [-1, -1, -1, -1, 0, 0, 0, 1, 1];
    private static readonly bool[] Removed = [true, false, false, false, true, true, false, true, false];

    private readonly RemovalQuality _quality = RemovalQuality.Measure(AttackOfRow, Removed, attackCount: 2);

    [Fact]
    public void CountsRemoved()
    {
        Assert.Equal(4, _quality.Removed);
    }

    [Fact]
    public void OverallPrecisionCountsAnyPoison()
    {
        Assert.Equal(3.0 / 4, _quality.Precision, precision: 12);
    }

    [Fact]
    public void OverallRecallOverAllPoisons()
    {
        Assert.Equal(3.0 / 5, _quality.Recall, precision: 12);
    }

    [Fact]
    public void AttackPrecisionIgnoresOtherAttacks()
    {
        Assert.Equal(2.0 / 3, _quality.Attacks[0].Precision, precision: 12);
        Assert.Equal(1.0 / 2, _quality.Attacks[1].Precision, precision: 12);
    }

    [Fact]
    public void AttackRecallOverItsPoisons()
    {
        Assert.Equal(2.0 / 3, _quality.Attacks[0].Recall, precision: 12);
        Assert.Equal(1.0 / 2, _quality.Attacks[1].Recall, precision: 12);
    }

    [Fact]
    public void NothingRemovedHasNoPrecision()
    {
        var quality = RemovalQuality.Measure(AttackOfRow, new bool[AttackOfRow.Length], attackCount: 2);

        Assert.True(double.IsNaN(quality.Precision));
        Assert.Equal(0, quality.Recall);
    }
}
