using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Dashboard.Training.Data;

namespace Dashboard.Training.Images;

/// <summary>
/// Writes 8-bit PNG images: the signature, an IHDR chunk, one IDAT chunk holding the zlib-compressed
/// scanlines, each prefixed by filter type 0 (None), and IEND. One channel is written as greyscale (colour
/// type 0), three as RGB (colour type 2).
/// </summary>
public static class PngEncoder
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte ColourTypeGrey = 0;
    private const byte ColourTypeRgb = 2;

    /// <summary>
    /// Encodes one float CHW image of <paramref name="shape"/> with values in [0, 1] (clamped, then rounded to
    /// 0-255) at its native resolution.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<float> image, ImageShape shape)
    {
        if (shape.Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "PNG export supports 1 (grey) or 3 (RGB) channels.");
        }

        if (image.Length != shape.PixelCount)
        {
            throw new ArgumentException($"Expected a {shape} image of {shape.PixelCount} values; got {image.Length}.", nameof(image));
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", Header(shape));
        WriteChunk(output, "IDAT", Compress(Scanlines(image, shape)));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Returns the raw scanlines: per row a filter-type byte (0) followed by the row's interleaved samples.</summary>
    public static byte[] Scanlines(ReadOnlySpan<float> image, ImageShape shape)
    {
        int channels = shape.Channels;
        int rowLength = 1 + shape.Width * channels;
        var scanlines = new byte[shape.Height * rowLength];
        int planeSize = shape.Height * shape.Width;
        for (int y = 0; y < shape.Height; y++)
        {
            int rowStart = y * rowLength;
            scanlines[rowStart] = 0;
            for (int x = 0; x < shape.Width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    float value = image[c * planeSize + y * shape.Width + x];
                    scanlines[rowStart + 1 + x * channels + c] = ToByte(value);
                }
            }
        }

        return scanlines;
    }

    private static byte ToByte(float value)
    {
        float clamped = float.IsNaN(value) ? 0f : Math.Clamp(value, 0f, 1f);
        return (byte)MathF.Round(clamped * 255f, MidpointRounding.AwayFromZero);
    }

    private static byte[] Header(ImageShape shape)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), shape.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), shape.Height);
        header[8] = 8;
        header[9] = shape.Channels == 1 ? ColourTypeGrey : ColourTypeRgb;
        header[10] = 0; // compression method: deflate
        header[11] = 0; // filter method: adaptive filtering with five basic types
        header[12] = 0; // no interlace
        return header;
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>Writes length, type, data and the CRC-32 of type and data.</summary>
    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);

        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);

        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
