namespace Dashboard.Training.Data;

/// <summary>
/// A colour image decoded from a PPM file: <see cref="Width"/> × <see cref="Height"/> pixels of 3 bytes
/// (red, green, blue), row-major and interleaved, as the file stores them.
/// </summary>
public sealed record PpmImage(int Width, int Height, byte[] Pixels)
{
    public byte this[int row, int column, int channel] => Pixels[(row * Width + column) * 3 + channel];
}
