namespace Dashboard.Web.Security;

/// <summary>Settings of the <c>Authentication</c> section.</summary>
public sealed class SignInOptions
{
    public const string Section = "Authentication";

    /// <summary>
    /// <c>auto</c> (the default) requires sign-in when the server listens on any address other than loopback;
    /// <c>true</c> always requires it and <c>false</c> never does.
    /// </summary>
    public string RequireSignIn { get; set; } = "auto";

    /// <summary>Hours a browser sign-in lasts without activity; each request within the time renews it.</summary>
    public double SessionHours { get; set; } = 12;
}
