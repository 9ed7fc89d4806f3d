using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// The frequency trigger of arXiv 2408.13221, after "Backdoor Attack through Frequency Domain" (FTrojan,
/// arXiv 2111.10991): convert an RGB image to YCrCb on the 0-255 scale, take
/// the DCT, add <see cref="Magnitude"/> to two fixed coefficients of Cr and Cb, transform back and clamp to
/// [0, 1]. Grey images get the same change in their single channel.
/// </summary>
/// <remarks>
/// The DCT window is the whole image: the BaDLoss authors' code uses a 32-pixel window on 32×32 images with
/// coefficients (15, 15) and (31, 31). For an H×W image the coefficients are (H/2 − 1, W/2 − 1), a middle
/// frequency, and (H − 1, W − 1), the highest. That gives (15, 15) and (31, 31) on 32×32 images and
/// (13, 13) and (27, 27) on Fashion-MNIST's 28×28 images. The DCT and the colour transform are linear and images
/// stay floats here (the authors round to 8-bit integers), so the whole trigger equals adding one fixed
/// pattern before clamping; the constructor computes that pattern once through the transforms.
/// NOTE: using the single channel of grey images is our reading; the study defines the trigger for colour only.
/// </remarks>
public sealed class FrequencyTrigger : ITrigger
{
    private readonly float[] _change;

    /// <param name="magnitude">Value added to each of the two DCT coefficients, on the 0-255 pixel scale (30 in the study).</param>
    public FrequencyTrigger(ImageShape shape, float magnitude)
    {
        if (shape.Channels != 1 && shape.Channels != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The frequency trigger needs grey (1-channel) or RGB (3-channel) images.");
        }

        if (shape.Height < 2 || shape.Width < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The frequency trigger needs images of at least 2x2 pixels.");
        }

        if (!(magnitude >= 0f && magnitude <= 255f))
        {
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "The frequency trigger magnitude must be between 0 and 255.");
        }

        Shape = shape;
        Magnitude = magnitude;
        _change = ComputeChange(shape, magnitude);
    }

    public ImageShape Shape { get; }

    public float Magnitude { get; }

    /// <summary>The change the trigger adds before clamping, CHW on the [0, 1] scale.</summary>
    public ReadOnlySpan<float> Change => _change;

    /// <summary>Returns the two (row, column) DCT coefficients the trigger raises in images of <paramref name="shape"/>.</summary>
    public static IReadOnlyList<(int Row, int Column)> Coefficients(ImageShape shape) =>
        [(shape.Height / 2 - 1, shape.Width / 2 - 1), (shape.Height - 1, shape.Width - 1)];

    public void Apply(Span<float> image)
    {
        if (image.Length != _change.Length)
        {
            throw new ArgumentException($"Expected a {Shape} image of {_change.Length} values; got {image.Length}.", nameof(image));
        }

        for (int i = 0; i < image.Length; i++)
        {
            image[i] = Math.Clamp(image[i] + _change[i], 0f, 1f);
        }
    }

    private static float[] ComputeChange(ImageShape shape, float magnitude)
    {
        int h = shape.Height;
        int w = shape.Width;
        var coefficients = new double[h * w];
        foreach (var (row, column) in Coefficients(shape))
        {
            coefficients[row * w + column] += magnitude;
        }

        // The change of a raised chroma (or grey) channel, 0-255 scale.
        double[] channelChange = Dct.Inverse(coefficients, h, w);

        int plane = h * w;
        var change = new float[shape.PixelCount];
        for (int i = 0; i < plane; i++)
        {
            if (shape.Channels == 1)
            {
                change[i] = (float)(channelChange[i] / 255);
            }
            else
            {
                var (r, g, b) = YCrCb.RgbChange(0, channelChange[i], channelChange[i]);
                change[i] = (float)(r / 255);
                change[plane + i] = (float)(g / 255);
                change[2 * plane + i] = (float)(b / 255);
            }
        }

        return change;
    }
}
