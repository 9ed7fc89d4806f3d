using System.Text;

namespace Dashboard.Training.Data;

/// <summary>
/// Reads binary PPM images (Netpbm "P6") with a maximum value of 255, the format of GTSRB. The header is the
/// magic "P6", the width, the height and the maximum value, separated by whitespace and optional
/// <c>#</c> comments, then one whitespace byte before the pixel data. Other Netpbm variants (plain-text
/// "P3", grey "P5", 16-bit samples) are rejected. Every error is an <see cref="InvalidDataException"/>
/// whose message names the file.
/// </summary>
public static class PpmReader
{
    /// <summary>Largest accepted side, far above GTSRB's, so that a corrupt header cannot allocate gigabytes.</summary>
    public const int MaximumSide = 16_384;

    public static PpmImage Read(string path) => Decode(path, File.ReadAllBytes(path));

    /// <summary>Decodes <paramref name="content"/>, naming <paramref name="path"/> in error messages.</summary>
    public static PpmImage Decode(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (content.Length < 2 || content[0] != (byte)'P' || content[1] != (byte)'6')
        {
            throw new InvalidDataException($"{path} is not a binary PPM image: it starts with {DescribeMagic(content)}, expected \"P6\".");
        }

        int position = 2;
        int width = ReadHeaderNumber(path, content, ref position, "width");
        int height = ReadHeaderNumber(path, content, ref position, "height");
        int maximum = ReadHeaderNumber(path, content, ref position, "maximum value");
        if (width is < 1 or > MaximumSide || height is < 1 or > MaximumSide)
        {
            throw new InvalidDataException($"{path} declares {width}x{height} pixels; each side must be between 1 and {MaximumSide}.");
        }

        if (maximum != 255)
        {
            throw new InvalidDataException(
                $"{path} has maximum value {maximum}; only 8-bit PPM images (maximum value 255) are supported.");
        }

        // Exactly one whitespace byte separates the header from the pixels, and ReadHeaderNumber stopped on it.
        if (position >= content.Length || !IsWhitespace(content[position]))
        {
            throw new InvalidDataException($"{path} has no whitespace byte between its PPM header and the pixel data.");
        }

        position++;
        long expected = 3L * width * height;
        long available = content.Length - position;
        if (available < expected)
        {
            throw new InvalidDataException(
                $"{path} is truncated: its header declares {width}x{height} RGB pixels ({expected} bytes) but only {available} bytes follow.");
        }

        return new PpmImage(width, height, content.AsSpan(position, (int)expected).ToArray());
    }

    private static int ReadHeaderNumber(string path, byte[] content, ref int position, string field)
    {
        SkipWhitespaceAndComments(content, ref position);
        int start = position;
        long value = 0;
        while (position < content.Length && content[position] is >= (byte)'0' and <= (byte)'9')
        {
            value = value * 10 + (content[position] - '0');
            if (value > int.MaxValue)
            {
                throw new InvalidDataException($"{path} has a PPM header {field} that is too large.");
            }

            position++;
        }

        if (position == start)
        {
            throw new InvalidDataException($"{path} has an invalid PPM header: the {field} is missing or not a decimal number.");
        }

        return (int)value;
    }

    private static void SkipWhitespaceAndComments(byte[] content, ref int position)
    {
        while (position < content.Length)
        {
            if (IsWhitespace(content[position]))
            {
                position++;
            }
            else if (content[position] == (byte)'#')
            {
                while (position < content.Length && content[position] != (byte)'\n' && content[position] != (byte)'\r')
                {
                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;

    private static string DescribeMagic(byte[] content)
    {
        if (content.Length == 0)
        {
            return "nothing (the file is empty)";
        }

        var magic = content.AsSpan(0, Math.Min(2, content.Length));
        bool printable = magic.ToArray().All(b => b is >= 0x20 and < 0x7f);
        return printable ? $"\"{Encoding.ASCII.GetString(magic)}\"" : $"bytes {Convert.ToHexString(magic)}";
    }
}
