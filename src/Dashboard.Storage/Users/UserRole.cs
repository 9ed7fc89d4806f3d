namespace Dashboard.Storage;

/// <summary>
/// What a dashboard user may do. Each role includes the rights of the roles before it: a viewer reads
/// everything, a researcher also launches runs and changes their own runs, an admin changes any run and manages users.
/// </summary>
public enum UserRole
{
    Viewer,
    Researcher,
    Admin,
}
