using System.Buffers.Binary;
using System.IO.Compression;

namespace Dashboard.Training.Tests.Support;

/// <summary>Writes IDX files (big-endian header, unsigned bytes), optionally gzip-compressed.</summary>
public static class IdxFiles
{
    public static byte[] Images(int count, int rows, int columns, Func<int, byte> pixel) =>
        Build(0x00000803, [count, rows, columns], Enumerable.Range(0, count * rows * columns).Select(pixel).ToArray());

    public static byte[] Labels(params byte[] labels) => Build(0x00000801, [labels.Length], labels);

    public static byte[] Build(int magic, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        }

        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }
}
