using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor.Triggers;

public sealed class FrequencyTriggerTests
{
    [Fact]
    public void DctRoundTripReturnsChannel()
    {
        double[] channel = RandomValues(new Random(1), 6 * 5, 255);

        double[] back = Dct.Inverse(Dct.Forward(channel, 6, 5), 6, 5);

        Assert.Equal(channel, back, new DoubleTolerance(1e-9));
    }

    [Fact]
    public void DctOfConstantIsDcOnly()
    {
        double[] coefficients = Dct.Forward(Enumerable.Repeat(2.0, 16).ToArray(), 4, 4);

        // Orthonormal scaling: the DC coefficient is the mean times √(H·W) = 2 · 4.
        Assert.Equal(8.0, coefficients[0], 1e-12);
        Assert.All(coefficients.Skip(1), c => Assert.Equal(0.0, c, 1e-12));
    }

    [Fact]
    public void YCrCbRoundTripReturnsRgb()
    {
        var (y, cr, cb) = YCrCb.FromRgb(200, 30, 90);

        var (r, g, b) = YCrCb.ToRgb(y, cr, cb);

        Assert.Equal(200, r, 1e-9);
        Assert.Equal(30, g, 1e-9);
        Assert.Equal(90, b, 1e-9);
    }

    [Fact]
    public void YCrCbOfGreyHasNeutralChroma()
    {
        var (y, cr, cb) = YCrCb.FromRgb(100, 100, 100);

        Assert.Equal(100, y, 1e-9);
        Assert.Equal(128, cr, 1e-9);
        Assert.Equal(128, cb, 1e-9);
    }

    [Theory]
    [InlineData(28, 13, 27)]
    [InlineData(32, 15, 31)]
    public void CoefficientsAreMiddleAndHighest(int side, int middle, int highest)
    {
        var coefficients = FrequencyTrigger.Coefficients(new ImageShape(1, side, side));

        Assert.Equal(new[] { (middle, middle), (highest, highest) }, coefficients);
    }

    [Fact]
    public void GreyTriggerAddsCosinePair()
    {
        // On a 4x4 grey image the coefficients are (1, 1) and (3, 3); the change of coefficient (k, k) is
        // m · b_k(row) · b_k(column) with b_k(i) = √(2/4) · cos(π (2i + 1) k / 8), on the 0-255 scale.
        const float magnitude = 30f;
        var image = Enumerable.Repeat(0.5f, 16).ToArray();

        new FrequencyTrigger(new ImageShape(1, 4, 4), magnitude).Apply(image);

        for (int row = 0; row < 4; row++)
        {
            for (int column = 0; column < 4; column++)
            {
                double change = magnitude * (Basis(1, row) * Basis(1, column) + Basis(3, row) * Basis(3, column));
                Assert.Equal(0.5 + change / 255, image[row * 4 + column], 1e-6);
            }
        }
    }

    [Fact]
    public void ColourTriggerMatchesExplicitTransform()
    {
        var shape = new ImageShape(3, 8, 8);
        var random = new Random(3);
        float[] image = [.. Enumerable.Range(0, shape.PixelCount).Select(_ => 0.2f + 0.6f * random.NextSingle())];
        float[] expected = ExplicitColourTrigger(image, shape, magnitude: 30);

        new FrequencyTrigger(shape, 30f).Apply(image);

        Assert.Equal(expected, image, new ToleranceComparer(1e-5f));
    }

    [Fact]
    public void ColourTriggerLeavesLumaUnchanged()
    {
        var shape = new ImageShape(3, 8, 8);
        float[] image = [.. Enumerable.Repeat(0.5f, shape.PixelCount)];

        new FrequencyTrigger(shape, 30f).Apply(image);

        for (int i = 0; i < 64; i++)
        {
            var (y, _, _) = YCrCb.FromRgb(255.0 * image[i], 255.0 * image[64 + i], 255.0 * image[128 + i]);
            Assert.Equal(127.5, y, 1e-3);
        }
    }

    [Fact]
    public void TriggerClampsToUnitRange()
    {
        float[] image = [.. Enumerable.Repeat(1f, 16)];

        new FrequencyTrigger(new ImageShape(1, 4, 4), 255f).Apply(image);

        Assert.All(image, value => Assert.InRange(value, 0f, 1f));
    }

    [Fact]
    public void TwoChannelImagesRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyTrigger(new ImageShape(2, 4, 4), 30f));
    }

    // RGB → YCrCb (0-255) → DCT of each channel → +m at both coefficients of Cr and Cb → inverse → RGB → [0, 1].
    private static float[] ExplicitColourTrigger(float[] image, ImageShape shape, double magnitude)
    {
        int plane = shape.Height * shape.Width;
        var channels = new double[3][];
        for (int c = 0; c < 3; c++)
        {
            channels[c] = new double[plane];
        }

        for (int i = 0; i < plane; i++)
        {
            var (y, cr, cb) = YCrCb.FromRgb(255.0 * image[i], 255.0 * image[plane + i], 255.0 * image[2 * plane + i]);
            channels[0][i] = y;
            channels[1][i] = cr;
            channels[2][i] = cb;
        }

        for (int c = 1; c < 3; c++)
        {
            double[] coefficients = Dct.Forward(channels[c], shape.Height, shape.Width);
            foreach (var (row, column) in FrequencyTrigger.Coefficients(shape))
            {
                coefficients[row * shape.Width + column] += magnitude;
            }

            channels[c] = Dct.Inverse(coefficients, shape.Height, shape.Width);
        }

        var result = new float[image.Length];
        for (int i = 0; i < plane; i++)
        {
            var (r, g, b) = YCrCb.ToRgb(channels[0][i], channels[1][i], channels[2][i]);
            result[i] = Math.Clamp((float)(r / 255), 0f, 1f);
            result[plane + i] = Math.Clamp((float)(g / 255), 0f, 1f);
            result[2 * plane + i] = Math.Clamp((float)(b / 255), 0f, 1f);
        }

        return result;
    }

    private static double Basis(int k, int i) => Math.Sqrt(2.0 / 4) * Math.Cos(Math.PI * (2 * i + 1) * k / 8);

    private static double[] RandomValues(Random random, int count, double scale) =>
        [.. Enumerable.Range(0, count).Select(_ => scale * random.NextDouble())];

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
