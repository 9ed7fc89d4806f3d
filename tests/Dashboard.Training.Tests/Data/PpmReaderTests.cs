using System.Text;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Data;

public sealed class PpmReaderTests
{
    [Fact]
    public void BinaryPpmDecodes()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes("P6 2\n# comment\r\n1 255\n"), 1, 2, 3, 4, 5, 6];

        var image = PpmReader.Decode("a.ppm", content);

        Assert.Equal(2, image.Width);
        Assert.Equal(1, image.Height);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, image.Pixels);
        Assert.Equal(6, image[0, 1, 2]);
    }

    [Fact]
    public void PixelBytesMayLookLikeWhitespace()
    {
        // The first pixel byte is a newline (10); only one whitespace byte may end the header.
        byte[] content = [.. Encoding.ASCII.GetBytes("P6\n1 1\n255\n"), 10, 32, 9];

        var image = PpmReader.Decode("a.ppm", content);

        Assert.Equal(new byte[] { 10, 32, 9 }, image.Pixels);
    }

    [Theory]
    [InlineData("P3\n1 1\n255\n0 0 0\n", "\"P3\"")]
    [InlineData("P5\n1 1\n255\n\0", "\"P5\"")]
    [InlineData("GIF89a", "\"GI\"")]
    public void OtherFormatRejected(string content, string expectedMagic)
    {
        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Decode("x.ppm", Encoding.ASCII.GetBytes(content)));

        Assert.Contains("x.ppm is not a binary PPM image", error.Message);
        Assert.Contains(expectedMagic, error.Message);
    }

    [Fact]
    public void SixteenBitRejected()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes("P6\n1 1\n65535\n"), 0, 0, 0, 0, 0, 0];

        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Decode("deep.ppm", content));

        Assert.Contains("deep.ppm has maximum value 65535", error.Message);
    }

    [Fact]
    public void TruncatedPixelsRejected()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes("P6\n2 2\n255\n"), 1, 2, 3];

        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Decode("short.ppm", content));

        Assert.Contains("short.ppm is truncated", error.Message);
        Assert.Contains("12 bytes", error.Message);
    }

    [Fact]
    public void MissingHeightRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Decode("h.ppm", Encoding.ASCII.GetBytes("P6\n2\n")));

        Assert.Contains("h.ppm has an invalid PPM header: the height is missing", error.Message);
    }

    [Fact]
    public void EmptyFileRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Decode("empty.ppm", []));

        Assert.Contains("the file is empty", error.Message);
    }
}
