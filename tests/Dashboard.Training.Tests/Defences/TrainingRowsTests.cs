using Dashboard.Training.Defences;

namespace Dashboard.Training.Tests.Defences;

public sealed class TrainingRowsTests
{
    // Rows 1 and 3 are poisoned by attacks 0 and 1; row 2 is a WaNet noise-mode image.
    private readonly TrainingRows _rows = new(
        splitIndex: [10, 11, 12, 13, 14],
        givenLabel: [4, 0, 5, 1, 2],
        trueLabel: [4, 3, 5, 7, 2],
        attackOfRow: [-1, 0, -1, 1, -1],
        attackLabels: ["patch", "blend_random"],
        altered: [false, false, true, false, false]);

    [Fact]
    public void UnpoisonedIncludesAltered()
    {
        Assert.Equal(new[] { 0, 2, 4 }, _rows.Unpoisoned());
    }

    [Fact]
    public void UntouchedExcludesAltered()
    {
        Assert.Equal(new[] { 0, 4 }, _rows.Untouched());
    }

    [Fact]
    public void AgainstCleanDropsOtherAttacks()
    {
        var (scores, flags) = _rows.AgainstClean([0.1, 0.2, 0.3, 0.4, 0.5], attack: 1);

        Assert.Equal(new[] { 0.1, 0.3, 0.4, 0.5 }, scores);
        Assert.Equal(new[] { false, false, true, false }, flags);
    }

    [Fact]
    public void MismatchedLengthsRejected()
    {
        Assert.Throws<ArgumentException>(() => new TrainingRows([1, 2], [0], [0, 0], [-1, -1], []));
    }
}
