using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>Fixed patterns P of the blend triggers of arXiv 2408.13221, as CHW images, the same in every channel.</summary>
public static class BlendPatterns
{
    /// <summary>Periods of the sinusoid across the image width in arXiv 2408.13221.</summary>
    public const int SinusoidFrequency = 6;

    /// <summary>
    /// A checkerboard of 1s and 0s: pixel (row, column) is 1 where row + column is even, so every second pixel
    /// of each row and column is on and (0, 0) is on.
    /// </summary>
    /// <remarks>
    /// NOTE: the BaDLoss authors' released code (github.com/neel-alex/badloss, backdoors.py) lights only pixels
    /// whose row and column are both even, a quarter of the image instead of half. This follows the
    /// checkerboard the study describes.
    /// </remarks>
    public static float[] Checkerboard(ImageShape shape) =>
        Fill(shape, (row, column) => (row + column) % 2 == 0 ? 1f : 0f);

    /// <summary>
    /// A vertical sinusoid, P(row, column) = 1 − cos(2π · column · frequency / W), with values from 0 to 2.
    /// It varies along the columns only.
    /// </summary>
    public static float[] Sinusoid(ImageShape shape, double frequency = SinusoidFrequency) =>
        Fill(shape, (_, column) => (float)(1 - Math.Cos(2 * Math.PI * column * frequency / shape.Width)));

    private static float[] Fill(ImageShape shape, Func<int, int, float> value)
    {
        var pattern = new float[shape.PixelCount];
        for (int channel = 0; channel < shape.Channels; channel++)
        {
            for (int row = 0; row < shape.Height; row++)
            {
                for (int column = 0; column < shape.Width; column++)
                {
                    pattern[(channel * shape.Height + row) * shape.Width + column] = value(row, column);
                }
            }
        }

        return pattern;
    }
}
