namespace Dashboard.Training.Data;

/// <summary>
/// Weights of a bilinear (triangle) resampling filter along one axis: output sample <c>i</c> is
/// <c>sum over k of Weights[i][k] * input[First[i] + k]</c>, with <c>Count[i]</c> terms whose weights add up to 1.
/// </summary>
internal sealed class FilterWeights
{
    private FilterWeights(int[] first, int[] count, double[][] weights)
    {
        First = first;
        Count = count;
        Weights = weights;
    }

    public int[] First { get; }

    public int[] Count { get; }

    public double[][] Weights { get; }

    public static FilterWeights For(int inputSize, int outputSize)
    {
        double scale = (double)inputSize / outputSize;

        // Shrinking by a factor s widens the triangle to a radius of s input pixels, while growing keeps radius 1.
        double radius = Math.Max(scale, 1.0);

        var first = new int[outputSize];
        var count = new int[outputSize];
        var weights = new double[outputSize][];
        for (int i = 0; i < outputSize; i++)
        {
            double centre = (i + 0.5) * scale;
            int low = Math.Max(0, (int)Math.Floor(centre - radius));
            int high = Math.Min(inputSize, (int)Math.Ceiling(centre + radius));

            var row = new double[high - low];
            double total = 0;
            for (int j = low; j < high; j++)
            {
                double distance = Math.Abs(j + 0.5 - centre) / radius;
                row[j - low] = Math.Max(0.0, 1.0 - distance);
                total += row[j - low];
            }

            // Near the border, part of the triangle falls outside the image. Renormalising repeats the edge
            // pixel, as clamping the sample position does in PyTorch's bilinear mode.
            for (int k = 0; k < row.Length; k++)
            {
                row[k] /= total;
            }

            first[i] = low;
            count[i] = row.Length;
            weights[i] = row;
        }

        return new FilterWeights(first, count, weights);
    }
}
