using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BlendRandomTriggerTests
{
    private static readonly ImageShape Shape = new(1, 2, 2);

    [Fact]
    public void BlendsKnownImageExactly()
    {
        float[] image = [1f, 0f, 0.5f, 0.75f];

        new BlendRandomTrigger(Shape, 0.25f, new float[] { 0f, 1f, 0.5f, 0.25f }).Apply(image);

        // 0.75·x + 0.25·P, every value exact in binary floating point.
        Assert.Equal(new[] { 0.75f, 0.25f, 0.5f, 0.625f }, image);
    }

    [Fact]
    public void BlendsWithPaperAlpha()
    {
        float alpha = 0.075f;
        float[] pattern = [0f, 1f, 0.5f, 0.25f];
        float[] image = [1f, 0f, 0.5f, 0.8f];
        float[] expected = [.. image.Select((x, i) => (1f - alpha) * x + alpha * pattern[i])];

        new BlendRandomTrigger(Shape, alpha, pattern).Apply(image);

        Assert.Equal(expected, image);
    }

    [Fact]
    public void ClampsToUnitRange()
    {
        float[] image = [1.5f, -0.5f, 1f, 0f];

        new BlendRandomTrigger(Shape, 0.5f, new float[] { 1f, 0f, 1f, 0f }).Apply(image);

        Assert.Equal(new[] { 1f, 0f, 1f, 0f }, image);
    }

    [Fact]
    public void SameSeedSamePattern()
    {
        var shape = new ImageShape(1, 28, 28);

        var first = new BlendRandomTrigger(shape, 0.075f, seed: 42);
        var second = new BlendRandomTrigger(shape, 0.075f, seed: 42);

        Assert.Equal(first.Pattern.ToArray(), second.Pattern.ToArray());
    }

    [Fact]
    public void OtherSeedOtherPattern()
    {
        var shape = new ImageShape(1, 28, 28);

        var first = new BlendRandomTrigger(shape, 0.075f, seed: 42);
        var second = new BlendRandomTrigger(shape, 0.075f, seed: 43);

        Assert.NotEqual(first.Pattern.ToArray(), second.Pattern.ToArray());
    }

    [Fact]
    public void PatternIsUniformInUnitRange()
    {
        var trigger = new BlendRandomTrigger(new ImageShape(1, 28, 28), 0.075f, seed: 7);
        float[] pattern = trigger.Pattern.ToArray();

        Assert.True(pattern.Min() >= 0f);
        Assert.True(pattern.Max() < 1f);
        Assert.InRange(pattern.Average(), 0.45, 0.55);
    }
}
