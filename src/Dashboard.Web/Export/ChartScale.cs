namespace Dashboard.Web.Export;

/// <summary>A linear axis from data to pixels, widened to round tick values (1, 2 or 5 times a power of ten).</summary>
public sealed class ChartScale
{
    private readonly double _pixelStart;
    private readonly double _pixelEnd;

    public ChartScale(double min, double max, double pixelStart, double pixelEnd, int tickCount = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (min == max)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        Step = NiceStep((max - min) / tickCount);
        Min = Math.Floor(min / Step) * Step;
        Max = Math.Ceiling(max / Step) * Step;
        _pixelStart = pixelStart;
        _pixelEnd = pixelEnd;
    }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Distance between ticks, in data units.</summary>
    public double Step { get; }

    public IEnumerable<double> Ticks()
    {
        int count = (int)Math.Round((Max - Min) / Step);
        for (int i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    public double ToPixel(double value) => _pixelStart + ((value - Min) / (Max - Min) * (_pixelEnd - _pixelStart));

    private static double NiceStep(double rough)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 5 => 5,
            _ => 10,
        };
        return nice * magnitude;
    }
}
