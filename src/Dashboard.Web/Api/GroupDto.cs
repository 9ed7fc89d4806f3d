using Dashboard.Core.Runs;

namespace Dashboard.Web.Api;

/// <summary>A study group as the HTTP API returns it, with the current state of each member run.</summary>
public sealed record GroupDto(
    string Id,
    string Name,
    string Kind,
    DateTimeOffset CreatedAt,
    string VariedField,
    string VariedFieldLabel,
    IReadOnlyList<GroupMemberDto> Members,
    string Page,
    IReadOnlyList<string> Tags,
    string? Notes)
{
    public static GroupDto From(RunGroup group, Func<string, RunRecord?> findRun) => new(
        group.Id,
        group.Name,
        group.Kind,
        group.CreatedAt,
        group.VariedField,
        group.VariedFieldLabel,
        [.. group.Members.Select(member => GroupMemberDto.From(member, findRun(member.RunId)))],
        $"/groups/{group.Id}",
        group.Tags,
        group.Notes);
}

/// <summary>One member of a group: the varied value and its run's status and summary. A deleted run has neither.</summary>
public sealed record GroupMemberDto(string RunId, string Value, string Label, RunStatus? Status, RunSummary? Summary, bool Deleted)
{
    public static GroupMemberDto From(RunGroupMember member, RunRecord? run) =>
        new(member.RunId, member.Value, member.Label, run?.Status, run?.Summary, member.Deleted);
}
