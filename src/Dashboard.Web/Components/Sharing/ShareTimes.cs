namespace Dashboard.Web.Components.Sharing;

/// <summary>Formats the times of share links for pages.</summary>
public static class ShareTimes
{
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'");

    public static string Format(DateTimeOffset? time, string absent) => time is { } value ? Format(value) : absent;
}
