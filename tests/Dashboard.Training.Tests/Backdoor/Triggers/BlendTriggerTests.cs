using Dashboard.Training.Backdoor;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor.Triggers;

public sealed class BlendTriggerTests
{
    [Fact]
    public void CheckerboardAlternates()
    {
        float[] pattern = BlendPatterns.Checkerboard(new ImageShape(1, 3, 4));

        float[] expected =
        [
            1, 0, 1, 0,
            0, 1, 0, 1,
            1, 0, 1, 0,
        ];
        Assert.Equal(expected, pattern);
    }

    [Fact]
    public void CheckerboardSameInEveryChannel()
    {
        float[] pattern = BlendPatterns.Checkerboard(new ImageShape(3, 2, 2));

        Assert.Equal(new float[] { 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1 }, pattern);
    }

    [Fact]
    public void CheckerboardBlendsKnownImage()
    {
        var shape = new ImageShape(1, 2, 2);
        float[] image = [0.5f, 0.5f, 1f, 0f];

        new BlendTrigger(shape, 0.25f, BlendPatterns.Checkerboard(shape)).Apply(image);

        // 0.75·x + 0.25·P with P = [1, 0, 0, 1]; every value is exact in binary floating point.
        Assert.Equal(new[] { 0.625f, 0.375f, 0.75f, 0.25f }, image);
    }

    [Fact]
    public void SinusoidFollowsColumns()
    {
        // With W = 12 and 6 periods, 1 − cos(2π·6·column/12) = 1 − cos(π·column): 0 on even, 2 on odd columns.
        float[] pattern = BlendPatterns.Sinusoid(new ImageShape(1, 2, 12));

        float[] row = [0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2];
        Assert.Equal(row.Concat(row), pattern, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void SinusoidMatchesFormula()
    {
        var shape = new ImageShape(1, 1, 28);

        float[] pattern = BlendPatterns.Sinusoid(shape);

        for (int column = 0; column < 28; column++)
        {
            Assert.Equal(1 - Math.Cos(2 * Math.PI * column * 6 / 28), pattern[column], 1e-6);
        }
    }

    [Fact]
    public void SinusoidBlendClampsAboveOne()
    {
        var shape = new ImageShape(1, 1, 4);
        float[] image = [1f, 1f, 0.5f, 0.5f];

        // P = 1 − cos(π·column) = [0, 2, 0, 2]; α = 0.5 → [0.5, 1.5 → 1, 0.25, 1.25 → 1].
        new BlendTrigger(shape, 0.5f, BlendPatterns.Sinusoid(shape, frequency: 2)).Apply(image);

        Assert.Equal(new[] { 0.5f, 1f, 0.25f, 1f }, image, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void ScaleDoublesAlpha()
    {
        var shape = new ImageShape(1, 2, 2);
        var trigger = new BlendTrigger(shape, 0.075f, BlendPatterns.Checkerboard(shape));

        var boosted = Assert.IsType<BlendTrigger>(trigger.Scale(2));

        Assert.Equal(0.15f, boosted.Alpha, 1e-7f);
        Assert.Equal(0.075f, trigger.Alpha);
    }

    [Fact]
    public void ScaleCapsAlphaAtOne()
    {
        var shape = new ImageShape(1, 2, 2);

        var boosted = Assert.IsType<BlendTrigger>(new BlendTrigger(shape, 0.75f, new float[4]).Scale(2));

        Assert.Equal(1f, boosted.Alpha);
    }

    [Fact]
    public void BlendRandomScaleKeepsPattern()
    {
        var shape = new ImageShape(1, 3, 3);
        var trigger = new BlendRandomTrigger(shape, 0.075f, seed: 4);

        var boosted = Assert.IsType<BlendRandomTrigger>(trigger.Scale(AttackTriggers.BoostFactor));

        Assert.Equal(0.15f, boosted.Alpha, 1e-7f);
        Assert.Equal(trigger.Pattern.ToArray(), boosted.Pattern.ToArray());
    }
}
