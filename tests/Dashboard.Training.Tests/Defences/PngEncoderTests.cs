using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Dashboard.Training.Data;
using Dashboard.Training.Images;

namespace Dashboard.Training.Tests.Defences;

public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32MatchesCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void StartsWithSignature()
    {
        byte[] png = PngEncoder.Encode(new float[6], new ImageShape(1, 2, 3));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
    }

    [Fact]
    public void ChunksInOrderWithValidCrcs()
    {
        byte[] png = PngEncoder.Encode(new float[6], new ImageShape(1, 2, 3));

        var chunks = ReadChunks(png);

        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunks.Select(c => c.Type));
        Assert.All(chunks, chunk => Assert.Equal(chunk.Crc, Crc32.Compute([.. Encoding.ASCII.GetBytes(chunk.Type), .. chunk.Data])));
    }

    [Fact]
    public void IendCrcIsStandard()
    {
        byte[] png = PngEncoder.Encode(new float[6], new ImageShape(1, 2, 3));

        Assert.Equal(0xAE426082u, ReadChunks(png)[^1].Crc);
    }

    [Fact]
    public void HeaderDescribesGreyImage()
    {
        byte[] png = PngEncoder.Encode(new float[6], new ImageShape(1, 2, 3));
        byte[] header = ReadChunks(png)[0].Data;

        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 0, 0, 0, 0 }, header[8..]);
    }

    [Fact]
    public void GreyIdatInflatesToScanlines()
    {
        // 2 rows of 3 pixels: 0, 0.5, 1 / 1, 0.2, -1 (clamped to 0); each row starts with filter type 0.
        float[] image = [0f, 0.5f, 1f, 1f, 0.2f, -1f];

        byte[] png = PngEncoder.Encode(image, new ImageShape(1, 2, 3));

        Assert.Equal(new byte[] { 0, 0, 128, 255, 0, 255, 51, 0 }, Inflate(ReadChunks(png)[1].Data));
    }

    [Fact]
    public void RgbIdatInterleavesChannels()
    {
        // One row of 2 pixels, CHW planes R = (1, 0), G = (0, 1), B = (0, 0.2).
        float[] image = [1f, 0f, 0f, 1f, 0f, 0.2f];

        byte[] png = PngEncoder.Encode(image, new ImageShape(3, 1, 2));

        Assert.Equal(2, ReadChunks(png)[0].Data[9]);
        Assert.Equal(new byte[] { 0, 255, 0, 0, 0, 255, 51 }, Inflate(ReadChunks(png)[1].Data));
    }

    [Fact]
    public void DataUriHasPngPrefix()
    {
        string uri = PngDataUri.Encode(new float[4], new ImageShape(1, 2, 2));

        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", uri);
    }

    [Fact]
    public void TwoChannelsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new float[8], new ImageShape(2, 2, 2)));
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static List<(string Type, byte[] Data, uint Crc)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            byte[] data = png[(offset + 8)..(offset + 8 + length)];
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            chunks.Add((type, data, crc));
            offset += 12 + length;
        }

        return chunks;
    }
}
