using System.Buffers.Binary;
using System.IO.Compression;

namespace Dashboard.Training.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST: a big-endian magic number (two zero bytes, a type
/// code, the number of dimensions), one big-endian 32-bit size per dimension, then the data. Files may
/// be gzip-compressed, which is recognised by the gzip magic bytes rather than the file name.
/// Every format error is an <see cref="InvalidDataException"/> whose message names the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an image file: unsigned bytes in 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes in 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte GzipMagic1 = 0x1f;
    private const byte GzipMagic2 = 0x8b;

    public static IdxImages ReadImages(string path)
    {
        byte[] content = ReadContent(path);
        int[] dimensions = ReadHeader(path, content, ImagesMagic, "image", dimensionCount: 3);
        (int count, int rows, int columns) = (dimensions[0], dimensions[1], dimensions[2]);

        long expected = (long)count * rows * columns;
        string declared = $"{count} images of {rows}x{columns} ({expected} bytes)";
        byte[] pixels = ReadData(path, content, headerLength: 16, expected, declared);
        return new IdxImages(count, rows, columns, pixels);
    }

    public static byte[] ReadLabels(string path)
    {
        byte[] content = ReadContent(path);
        int count = ReadHeader(path, content, LabelsMagic, "label", dimensionCount: 1)[0];
        return ReadData(path, content, headerLength: 8, count, $"{count} labels ({count} bytes)");
    }

    /// <summary>Reads an image file and its label file and checks that they contain the same number of items.</summary>
    public static (IdxImages Images, byte[] Labels) ReadLabelledImages(string imagesPath, string labelsPath)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException(
                $"{imagesPath} contains {images.Count} images but {labelsPath} contains {labels.Length} labels; the two files must have the same count.");
        }

        return (images, labels);
    }

    private static byte[] ReadContent(string path)
    {
        byte[] raw = File.ReadAllBytes(path);
        bool isGzip = raw.Length >= 2 && raw[0] == GzipMagic1 && raw[1] == GzipMagic2;
        if (!isGzip)
        {
            return raw;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var decompressed = new MemoryStream();
            gzip.CopyTo(decompressed);
            return decompressed.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{path} starts like a gzip file but cannot be decompressed: {exception.Message}", exception);
        }
    }

    private static int[] ReadHeader(string path, byte[] content, int expectedMagic, string kind, int dimensionCount)
    {
        int headerLength = 4 + 4 * dimensionCount;
        if (content.Length >= 4)
        {
            int magic = BinaryPrimitives.ReadInt32BigEndian(content);
            if (magic != expectedMagic)
            {
                throw new InvalidDataException(
                    $"{path} is not an IDX {kind} file: its magic number is 0x{magic:X8}, expected 0x{expectedMagic:X8}.");
            }
        }

        if (content.Length < headerLength)
        {
            throw new InvalidDataException(
                $"{path} is too short for an IDX {kind} file: the header needs {headerLength} bytes but the file has {content.Length}.");
        }

        var dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + 4 * i));
            if (dimensions[i] <= 0)
            {
                throw new InvalidDataException(
                    $"{path} declares size {dimensions[i]} for dimension {i + 1} of {dimensionCount}; every size must be positive.");
            }
        }

        return dimensions;
    }

    private static byte[] ReadData(string path, byte[] content, int headerLength, long expectedLength, string declared)
    {
        long available = content.Length - headerLength;
        if (available < expectedLength)
        {
            throw new InvalidDataException(
                $"{path} is truncated: header declares {declared} but only {available} bytes follow.");
        }

        if (available > expectedLength)
        {
            throw new InvalidDataException(
                $"{path} has {available - expectedLength} bytes more than its header declares ({declared}).");
        }

        return content.AsSpan(headerLength).ToArray();
    }
}
