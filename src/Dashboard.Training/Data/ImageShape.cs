namespace Dashboard.Training.Data;

/// <summary>Shape of one image in channel-height-width (CHW) order.</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Number of values in one image (channels × height × width).</summary>
    public int PixelCount => Channels * Height * Width;

    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
