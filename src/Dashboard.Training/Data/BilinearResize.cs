namespace Dashboard.Training.Data;

/// <summary>
/// Crops a rectangle out of an RGB image and resizes it with bilinear interpolation to planar floats in
/// [0, 1]. Pixel centres sit at half-integer coordinates (PyTorch's <c>align_corners=False</c>). When a side
/// shrinks, the triangle filter is widened by the shrink factor, so every source pixel contributes, as
/// Pillow's bilinear resize and PyTorch's <c>interpolate(antialias=True)</c> do. When a side grows this is
/// plain bilinear interpolation. The arithmetic is sequential in double precision, so the output is the
/// same on every run and machine.
/// </summary>
public static class BilinearResize
{
    /// <summary>
    /// Writes the crop <c>[left, right) × [top, bottom)</c> of <paramref name="image"/>, resized to
    /// <paramref name="height"/> × <paramref name="width"/>, into <paramref name="destination"/> in
    /// channel-height-width order.
    /// </summary>
    public static void CropAndResize(
        PpmImage image, int left, int top, int right, int bottom, int height, int width, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (left < 0 || top < 0 || right > image.Width || bottom > image.Height || left >= right || top >= bottom)
        {
            throw new ArgumentOutOfRangeException(
                nameof(left), $"Crop [{left}, {right}) x [{top}, {bottom}) is empty or outside the {image.Width}x{image.Height} image.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (destination.Length != 3 * height * width)
        {
            throw new ArgumentException($"A 3x{height}x{width} image needs {3 * height * width} values; got {destination.Length}.", nameof(destination));
        }

        var columns = FilterWeights.For(right - left, width);
        var rows = FilterWeights.For(bottom - top, height);

        // Horizontal pass over the cropped rows: [cropHeight, width, 3], still scaled 0 to 255.
        int cropHeight = bottom - top;
        var horizontal = new double[cropHeight * width * 3];
        for (int y = 0; y < cropHeight; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int channel = 0; channel < 3; channel++)
                {
                    double sum = 0;
                    for (int k = 0; k < columns.Count[x]; k++)
                    {
                        sum += columns.Weights[x][k] * image[top + y, left + columns.First[x] + k, channel];
                    }

                    horizontal[(y * width + x) * 3 + channel] = sum;
                }
            }
        }

        // Vertical pass straight into planar output.
        for (int channel = 0; channel < 3; channel++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double sum = 0;
                    for (int k = 0; k < rows.Count[y]; k++)
                    {
                        sum += rows.Weights[y][k] * horizontal[((rows.First[y] + k) * width + x) * 3 + channel];
                    }

                    destination[(channel * height + y) * width + x] = (float)Math.Clamp(sum / 255.0, 0.0, 1.0);
                }
            }
        }
    }
}
