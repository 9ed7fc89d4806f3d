using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class PatchTriggerTests
{
    [Fact]
    public void SetsExactlyFourCornerPixels()
    {
        var shape = new ImageShape(1, 28, 28);
        var image = Enumerable.Range(0, shape.PixelCount).Select(i => i / 1000f).ToArray();
        var expected = (float[])image.Clone();
        foreach (var (row, column) in new[] { (26, 26), (24, 26), (26, 24), (25, 25) })
        {
            expected[row * 28 + column] = 1f;
        }

        new PatchTrigger(shape).Apply(image);

        Assert.Equal(expected, image);
    }

    [Fact]
    public void UsesStrengthAsPixelValue()
    {
        var shape = new ImageShape(1, 6, 6);
        var image = new float[shape.PixelCount];

        new PatchTrigger(shape, value: 0.5f).Apply(image);

        Assert.Equal(0.5f, image[4 * 6 + 4]);
        Assert.Equal(4, image.Count(pixel => pixel == 0.5f));
    }

    [Fact]
    public void StampsEveryChannel()
    {
        var shape = new ImageShape(3, 4, 4);
        var image = new float[shape.PixelCount];

        new PatchTrigger(shape).Apply(image);

        // Pixels (2,2), (0,2), (2,0) and (1,1) of a 4x4 image, in each of the 3 channels.
        int[] expected = [.. Enumerable.Range(0, 3).SelectMany(c => new[] { 0 * 4 + 2, 1 * 4 + 1, 2 * 4 + 0, 2 * 4 + 2 }.Select(p => c * 16 + p))];
        Assert.Equal(expected, Enumerable.Range(0, image.Length).Where(i => image[i] == 1f));
    }

    [Fact]
    public void AppliesToChosenImagesOnly()
    {
        var shape = new ImageShape(1, 4, 4);
        var images = new ImageSet(shape, new float[3 * 16], [0, 1, 2]);

        new PatchTrigger(shape).ApplyTo(images, [1]);

        Assert.Equal(0f, images.Image(0).ToArray().Sum());
        Assert.Equal(4f, images.Image(1).ToArray().Sum());
        Assert.Equal(0f, images.Image(2).ToArray().Sum());
    }
}
