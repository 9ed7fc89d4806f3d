using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Stores times as UTC ticks (Int64). BSON's own date type keeps only milliseconds, and a plain number
/// sorts and indexes the same way. Times read back carry a zero offset; the instant is unchanged.
/// </summary>
internal static class BsonTime
{
    public static BsonValue ToBson(DateTimeOffset value) => new(value.UtcTicks);

    public static BsonValue ToBson(DateTimeOffset? value) => value is { } time ? new BsonValue(time.UtcTicks) : BsonValue.Null;

    public static DateTimeOffset FromBson(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    public static DateTimeOffset? FromNullableBson(BsonValue value) => value.IsNull ? null : FromBson(value);
}
