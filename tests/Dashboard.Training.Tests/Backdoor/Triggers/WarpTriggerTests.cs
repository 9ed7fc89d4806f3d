using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor.Triggers;

public sealed class WarpTriggerTests
{
    [Theory]
    [InlineData(1, 5, 7)]
    [InlineData(3, 28, 28)]
    public void ZeroFlowIsIdentity(int channels, int height, int width)
    {
        var shape = new ImageShape(channels, height, width);
        var random = new Random(2);
        float[] image = [.. Enumerable.Range(0, shape.PixelCount).Select(_ => random.NextSingle())];
        float[] original = (float[])image.Clone();
        var zero = new float[height * width];

        WarpTrigger.FromFlow(shape, zero, zero).Apply(image);

        Assert.Equal(original, image, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void OnePixelFlowShiftsColumns()
    {
        // A column offset of 2 / (W − 1) samples each pixel from its right neighbour. The grid is clamped at
        // the right border, so the last column keeps its value.
        var shape = new ImageShape(1, 2, 5);
        float[] image = [0f, 0.25f, 0.5f, 0.75f, 1f, 1f, 0.75f, 0.5f, 0.25f, 0f];
        float[] columns = [.. Enumerable.Repeat(2f / 4, 10)];

        WarpTrigger.FromFlow(shape, columns, new float[10]).Apply(image);

        Assert.Equal(new[] { 0.25f, 0.5f, 0.75f, 1f, 1f, 0.75f, 0.5f, 0.25f, 0f, 0f }, image, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void HalfPixelFlowInterpolates()
    {
        var shape = new ImageShape(1, 3, 2);
        float[] image = [0f, 1f, 0.5f, 0.5f, 1f, 0f];
        // Half a row is 0.5 · 2 / (H − 1) = 0.5 in normalised coordinates. Each pixel samples halfway towards the
        // row below; the last row stays because the grid is clamped.
        float[] rows = [.. Enumerable.Repeat(0.5f, 6)];

        WarpTrigger.FromFlow(shape, new float[6], rows).Apply(image);

        Assert.Equal(new[] { 0.25f, 0.75f, 0.75f, 0.25f, 1f, 0f }, image, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void SameSeedSameWarp()
    {
        var shape = new ImageShape(1, 28, 28);
        float[] first = Ramp(shape);
        float[] second = Ramp(shape);

        WarpTrigger.Create(shape, 0.5, seed: 9).Apply(first);
        WarpTrigger.Create(shape, 0.5, seed: 9).Apply(second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void WarpChangesImageSlightly()
    {
        var shape = new ImageShape(1, 28, 28);
        float[] image = Ramp(shape);
        float[] original = (float[])image.Clone();

        WarpTrigger.Create(shape, 0.5, seed: 9).Apply(image);

        // s = 0.5 moves pixels by about a quarter pixel on average; the ramp rises 28/784 per row.
        double largest = image.Zip(original, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(largest, 1e-4, 0.1);
    }

    [Fact]
    public void NoiseModeDiffersFromTrigger()
    {
        var shape = new ImageShape(1, 28, 28);
        var trigger = WarpTrigger.Create(shape, 0.5, seed: 9);
        float[] warped = Checker(shape);
        float[] noisy = Checker(shape);

        trigger.Apply(warped);
        trigger.ApplyNoiseMode(noisy, new Random(1));

        Assert.NotEqual(warped, noisy);
    }

    [Fact]
    public void UpsampleKeepsCornersAndConstants()
    {
        double[] source = [1, 2, 3, 4];
        float[] upsampled = WarpField.UpsampleBicubic(source, 2, 2, 5, 5);
        float[] constant = WarpField.UpsampleBicubic([7, 7, 7, 7, 7, 7, 7, 7, 7], 3, 3, 6, 6);

        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, new[] { upsampled[0], upsampled[4], upsampled[20], upsampled[24] });
        Assert.All(constant, value => Assert.Equal(7f, value, 1e-5f));
    }

    [Fact]
    public void FieldHasUnitMeanMagnitudeAtControlPoints()
    {
        // With H = W = k the upsampling is the identity, so the drawn control points are visible.
        var (columns, rows) = WarpField.Draw(4, 4, 4, new Random(5));

        double mean = columns.Concat(rows).Average(v => Math.Abs(v));
        Assert.Equal(1.0, mean, 1e-5);
    }

    private static float[] Ramp(ImageShape shape) =>
        [.. Enumerable.Range(0, shape.PixelCount).Select(i => (float)i / shape.PixelCount)];

    private static float[] Checker(ImageShape shape) =>
        [.. Enumerable.Range(0, shape.PixelCount).Select(i => (i / shape.Width + i % shape.Width) % 2 == 0 ? 1f : 0f)];
}
