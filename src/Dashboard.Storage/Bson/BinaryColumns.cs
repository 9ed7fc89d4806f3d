using System.Buffers.Binary;

namespace Dashboard.Storage;

/// <summary>
/// Packs numeric columns into little-endian byte arrays for BSON binary fields. A BSON array stores a type
/// byte, a decimal index key and the value for each element (11 to 14 bytes), and LiteDB allocates one
/// BsonValue per element when it reads one. A packed column stores 8 bytes per value.
/// </summary>
internal static class BinaryColumns
{
    public static byte[] Pack(ReadOnlySpan<long> values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        return bytes;
    }

    public static byte[] Pack(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        }

        return bytes;
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="destination"/>, which must hold exactly as many values.</summary>
    public static void Unpack(ReadOnlySpan<byte> bytes, Span<long> destination)
    {
        RequireLength(bytes, destination.Length, sizeof(long));
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * sizeof(long))..]);
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="destination"/>, which must hold exactly as many values.</summary>
    public static void Unpack(ReadOnlySpan<byte> bytes, Span<double> destination)
    {
        RequireLength(bytes, destination.Length, sizeof(double));
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }
    }

    private static void RequireLength(ReadOnlySpan<byte> bytes, int count, int elementSize)
    {
        if (bytes.Length != count * elementSize)
        {
            throw new InvalidDataException(
                $"A stored column has {bytes.Length} bytes but its chunk declares {count} values of {elementSize} bytes.");
        }
    }
}
