namespace Dashboard.Storage;

/// <summary>Which runs a run list shows by archive state.</summary>
public enum RunArchiveFilter
{
    /// <summary>Runs that are not archived: the default run list.</summary>
    Active,

    /// <summary>Only archived runs.</summary>
    Archived,

    /// <summary>Archived and other runs together.</summary>
    All,
}
