namespace Dashboard.Web.Components.Sharing;

/// <summary>The expiry choices offered when creating a share link.</summary>
public static class ShareExpiry
{
    public const string Never = "never";
    public const string Custom = "custom";

    /// <summary>Choice values with their labels. The values of fixed lifetimes are numbers of days.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
    [
        (Never, "Never"),
        ("1", "In 1 day"),
        ("7", "In 7 days"),
        ("30", "In 30 days"),
        (Custom, "On a date"),
    ];

    /// <summary>
    /// Returns the expiry time for <paramref name="choice"/> at <paramref name="now"/>, or null for a link that
    /// never expires. A custom date expires at the end of that day in UTC.
    /// </summary>
    public static DateTimeOffset? Resolve(string choice, DateTime? customDate, DateTimeOffset now) => choice switch
    {
        Never => null,
        Custom when customDate is { } date => new DateTimeOffset(date.Date.AddDays(1), TimeSpan.Zero),
        Custom => throw new ArgumentException("Pick a date for the link to expire on.", nameof(customDate)),
        _ => now.AddDays(int.Parse(choice, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
