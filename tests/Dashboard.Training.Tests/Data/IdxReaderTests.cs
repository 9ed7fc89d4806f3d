using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void GzipImagesReadExactly()
    {
        string path = Write("images.gz", IdxFiles.Gzip(IdxFiles.Images(3, 2, 4, i => (byte)(i * 7))));

        var images = IdxReader.ReadImages(path);

        Assert.Equal(3, images.Count);
        Assert.Equal(2, images.Rows);
        Assert.Equal(4, images.Columns);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)(i * 7)), images.Pixels);
    }

    [Fact]
    public void RawImagesReadExactly()
    {
        string path = Write("images", IdxFiles.Images(2, 3, 3, i => (byte)(255 - i)));

        var images = IdxReader.ReadImages(path);

        Assert.Equal(2, images.Count);
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (byte)(255 - i)), images.Pixels);
    }

    [Fact]
    public void GzipLabelsReadExactly()
    {
        string path = Write("labels.gz", IdxFiles.Gzip(IdxFiles.Labels(3, 1, 4, 1, 5)));

        var labels = IdxReader.ReadLabels(path);

        Assert.Equal(new byte[] { 3, 1, 4, 1, 5 }, labels);
    }

    [Fact]
    public void TruncatedImagesRejected()
    {
        byte[] whole = IdxFiles.Images(10, 28, 28, _ => 0);
        string path = Write("train-images-idx3-ubyte.gz", IdxFiles.Gzip(whole[..(16 + 1200)]));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal(
            $"{path} is truncated: header declares 10 images of 28x28 (7840 bytes) but only 1200 bytes follow.",
            error.Message);
    }

    [Fact]
    public void TrailingBytesRejected()
    {
        string path = Write("labels", [.. IdxFiles.Labels(1, 2), 9, 9]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.StartsWith($"{path} has 2 bytes more than its header declares", error.Message);
    }

    [Fact]
    public void LabelMagicInImageFileRejected()
    {
        string path = Write("images", IdxFiles.Labels(1, 2, 3));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path} is not an IDX image file: its magic number is 0x00000801, expected 0x00000803.", error.Message);
    }

    [Fact]
    public void ShortHeaderRejected()
    {
        string path = Write("images", [0, 0, 8, 3, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path} is too short for an IDX image file: the header needs 16 bytes but the file has 6.", error.Message);
    }

    [Fact]
    public void ZeroDimensionRejected()
    {
        string path = Write("images", IdxFiles.Build(IdxReader.ImagesMagic, [4, 0, 28], []));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("size 0 for dimension 2 of 3", error.Message);
    }

    [Fact]
    public void CorruptGzipRejected()
    {
        byte[] gzip = IdxFiles.Gzip(IdxFiles.Labels(1, 2, 3));
        gzip[10] ^= 0xFF;
        gzip[11] ^= 0xFF;
        string path = Write("labels.gz", gzip);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.StartsWith($"{path} starts like a gzip file but cannot be decompressed", error.Message);
    }

    [Fact]
    public void DisagreeingCountsRejected()
    {
        string images = Write("images.gz", IdxFiles.Gzip(IdxFiles.Images(3, 2, 2, _ => 1)));
        string labels = Write("labels.gz", IdxFiles.Gzip(IdxFiles.Labels(0, 1)));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabelledImages(images, labels));

        Assert.Equal($"{images} contains 3 images but {labels} contains 2 labels; the two files must have the same count.", error.Message);
    }

    private string Write(string name, byte[] content)
    {
        string path = _folder.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
