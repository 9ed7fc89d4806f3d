namespace Dashboard.Training.Images;

/// <summary>
/// CRC-32 as PNG chunks and zlib's <c>crc32</c> use it: reflected polynomial 0xEDB88320, initial value and
/// final XOR 0xFFFFFFFF. The CRC of the ASCII bytes "123456789" is 0xCBF43926.
/// </summary>
public static class Crc32
{
    /// <summary>Register value before any byte.</summary>
    public const uint Start = 0xFFFFFFFFu;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    /// <summary>Feeds <paramref name="data"/> into a running register. Call <see cref="Finish"/> after the last byte.</summary>
    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        foreach (byte value in data)
        {
            register = Table[(register ^ value) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
