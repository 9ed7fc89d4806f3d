namespace Dashboard.Training.Tests.Data;

/// <summary>Writes small files in the CIFAR-10 binary layout: per record 1 label byte and 3,072 pixel bytes.</summary>
public static class Cifar10Files
{
    public const int RecordBytes = 3073;

    /// <summary>Record <c>r</c>'s pixel <c>i</c> is <c>(r * 7 + i) % 256</c>, so every record differs.</summary>
    public static byte[] Batch(params byte[] labels)
    {
        var bytes = new byte[labels.Length * RecordBytes];
        for (int record = 0; record < labels.Length; record++)
        {
            bytes[record * RecordBytes] = labels[record];
            for (int i = 0; i < 3072; i++)
            {
                bytes[record * RecordBytes + 1 + i] = Pixel(record, i);
            }
        }

        return bytes;
    }

    public static byte Pixel(int record, int index) => (byte)((record * 7 + index) % 256);

    /// <summary>Writes the five training batches with two records each and a test batch with three.</summary>
    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        for (int batch = 1; batch <= 5; batch++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{batch}.bin"), Batch((byte)(batch - 1), (byte)(batch + 4)));
        }

        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Batch(9, 0, 3));
    }
}
