using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor.Triggers;

public sealed class PixelTriggerTests
{
    [Fact]
    public void SinglePixelSetsOnePixel()
    {
        var image = new float[16];

        PixelTrigger.SinglePixel(new ImageShape(1, 4, 4), 0.75f).Apply(image);

        // (H − 2, W − 2) = (2, 2) → offset 2·4 + 2 = 10.
        var expected = new float[16];
        expected[10] = 0.75f;
        Assert.Equal(expected, image);
    }

    [Fact]
    public void SinglePixelSetsEveryChannel()
    {
        var image = Enumerable.Repeat(0.5f, 3 * 5 * 6).ToArray();

        PixelTrigger.SinglePixel(new ImageShape(3, 5, 6)).Apply(image);

        // (3, 4) in each 5x6 channel: offsets 22, 52 and 82.
        int[] changed = [.. Enumerable.Range(0, image.Length).Where(i => image[i] != 0.5f)];
        Assert.Equal(new[] { 22, 52, 82 }, changed);
        Assert.All(changed, i => Assert.Equal(1f, image[i]));
    }

    [Fact]
    public void BadNetsSetsCornerSquare()
    {
        var image = new float[25];

        PixelTrigger.BadNetsSquare(new ImageShape(1, 5, 5)).Apply(image);

        float[] expected =
        [
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 1, 1, 1,
            0, 0, 1, 1, 1,
            0, 0, 1, 1, 1,
        ];
        Assert.Equal(expected, image);
    }

    [Fact]
    public void BadNetsTooSmallRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelTrigger.BadNetsSquare(new ImageShape(1, 2, 5)));
    }

    [Fact]
    public void ValueAboveOneRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelTrigger.SinglePixel(new ImageShape(1, 4, 4), 1.5f));
    }
}
