using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;

namespace Dashboard.Web.Api;

/// <summary>
/// A study group as the HTTP API returns it, with the current state of each member run. A sweep's group also
/// carries its definition in the launch request's form, and <see cref="MaxConcurrent"/> when it sets one.
/// </summary>
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
    string? Notes,
    JsonElement? Sweep = null,
    int? MaxConcurrent = null,
    RunGroupProgress? Progress = null)
{
    public static GroupDto From(RunGroup group, Func<string, RunRecord?> findRun)
    {
        var members = group.Members.Select(member => GroupMemberDto.From(member, findRun(member.RunId))).ToList();
        return new(
            group.Id,
            group.Name,
            group.Kind,
            group.CreatedAt,
            group.VariedField,
            group.VariedFieldLabel,
            members,
            $"/groups/{group.Id}",
            group.Tags,
            group.Notes,
            group.Sweep is null ? null : JsonSerializer.Deserialize<JsonElement>(SweepDefinitionJson.Write(group.Sweep)),
            group.MaxConcurrentRuns,
            RunGroupProgress.From(members.Count, members.Where(m => m.Status is not null).Select(m => m.Status!.Value)));
    }
}

/// <summary>
/// One member of a group: the varied value and its run's status and summary. A deleted run has neither.
/// A sweep member's <see cref="Parameters"/> map each swept field path to the member's JSON value.
/// </summary>
public sealed record GroupMemberDto(
    string RunId,
    string Value,
    string Label,
    RunStatus? Status,
    RunSummary? Summary,
    bool Deleted,
    IReadOnlyDictionary<string, JsonElement>? Parameters = null)
{
    public static GroupMemberDto From(RunGroupMember member, RunRecord? run) =>
        new(member.RunId, member.Value, member.Label, run?.Status, run?.Summary, member.Deleted, ParametersOf(member));

    private static Dictionary<string, JsonElement>? ParametersOf(RunGroupMember member) =>
        member.Parameters.Count == 0
            ? null
            : member.Parameters.ToDictionary(value => value.Path, value => JsonSerializer.Deserialize<JsonElement>(value.Json));
}
