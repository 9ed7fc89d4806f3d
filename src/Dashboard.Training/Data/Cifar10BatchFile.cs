namespace Dashboard.Training.Data;

/// <summary>
/// Reads one file of the CIFAR-10 binary version (<c>data_batch_1.bin</c> … <c>test_batch.bin</c>). Each
/// record is 1 label byte (0 to 9) followed by 3,072 pixel bytes: the 32×32 red plane, then green, then
/// blue, each row-major, which is already channel-height-width order. Every format error is an
/// <see cref="InvalidDataException"/> whose message names the file.
/// </summary>
public static class Cifar10BatchFile
{
    public const int ImageBytes = 3 * 32 * 32;

    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>
    /// Returns the number of records in <paramref name="path"/> from its length alone, so that a truncated
    /// file is reported before any file is read.
    /// </summary>
    public static int CountRecords(string path)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new InvalidDataException($"{path} is empty; a CIFAR-10 batch contains records of {RecordBytes} bytes.");
        }

        long remainder = length % RecordBytes;
        if (remainder != 0)
        {
            throw new InvalidDataException(
                $"{path} is truncated or not a CIFAR-10 binary batch: its {length} bytes are {length / RecordBytes} whole records of "
                + $"{RecordBytes} bytes (1 label byte + {ImageBytes} pixel bytes) and {remainder} bytes left over.");
        }

        return checked((int)(length / RecordBytes));
    }

    /// <summary>
    /// Reads every record of <paramref name="path"/>, writing pixels scaled to [0, 1] into
    /// <paramref name="pixels"/> and labels into <paramref name="labels"/>, both from record
    /// <paramref name="firstRecord"/> on. Returns the number of records read.
    /// </summary>
    public static int Read(string path, float[] pixels, int[] labels, int firstRecord)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);

        int count = CountRecords(path);
        if ((long)(firstRecord + count) * ImageBytes > pixels.Length || firstRecord + count > labels.Length)
        {
            throw new ArgumentException($"{path} contains {count} records, which do not fit from record {firstRecord} on.", nameof(firstRecord));
        }

        // Only one file's bytes (30 MB for a standard batch) are in memory at a time, beside the float copy that stays.
        byte[] content = File.ReadAllBytes(path);
        if (content.Length != (long)count * RecordBytes)
        {
            throw new InvalidDataException($"{path} changed size while it was read; read it again.");
        }

        for (int record = 0; record < count; record++)
        {
            int offset = record * RecordBytes;
            byte label = content[offset];
            if (label > 9)
            {
                throw new InvalidDataException(
                    $"{path} has label {label} in record {record}; CIFAR-10 labels are 0 to 9. "
                    + "CIFAR-100's binary files, which have two label bytes per record, cannot be read as CIFAR-10.");
            }

            labels[firstRecord + record] = label;
            var source = content.AsSpan(offset + 1, ImageBytes);
            var destination = pixels.AsSpan((firstRecord + record) * ImageBytes, ImageBytes);
            for (int i = 0; i < ImageBytes; i++)
            {
                destination[i] = source[i] / 255f;
            }
        }

        return count;
    }
}
