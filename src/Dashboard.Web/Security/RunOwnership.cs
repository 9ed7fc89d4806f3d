using System.Security.Claims;
using Dashboard.Storage;

namespace Dashboard.Web.Security;

/// <summary>
/// Decides whether a user may change runs, groups and share links: admins may change anything, researchers
/// only what they launched. A group belongs to a researcher when every one of its runs does.
/// </summary>
public sealed class RunOwnership(IRunStore runs, IRunGroupStore groups)
{
    /// <summary>Returns null when <paramref name="user"/> may change run <paramref name="runId"/> (or it does not exist), else the 403 result.</summary>
    public IResult? CheckRun(ClaimsPrincipal user, string runId)
    {
        if (user.IsInRole(DashboardRoles.Admin) || runs.Find(runId) is not { } run)
        {
            return null;
        }

        return DashboardRoles.MayChange(user, run.Owner) ? null : AccessProblems.NotOwner($"Run {run.Id}", run.Owner);
    }

    /// <summary>Returns null when <paramref name="user"/> may change group <paramref name="groupId"/> (or it does not exist), else the 403 result.</summary>
    public IResult? CheckGroup(ClaimsPrincipal user, string groupId)
    {
        if (user.IsInRole(DashboardRoles.Admin) || groups.Find(groupId) is not { } group)
        {
            return null;
        }

        foreach (var member in group.Members)
        {
            string? owner = runs.Find(member.RunId)?.Owner;
            if (!DashboardRoles.MayChange(user, owner))
            {
                return AccessProblems.NotOwner($"Group {group.Id} (its run {member.RunId})", owner);
            }
        }

        return group.Members.Count == 0 ? AccessProblems.NotOwner($"Group {group.Id}", null) : null;
    }

    /// <summary>Returns null when <paramref name="user"/> may share or stop sharing everything in <paramref name="scope"/>, else the 403 result.</summary>
    public IResult? CheckScope(ClaimsPrincipal user, ShareScope scope)
    {
        if (scope.Kind == ShareScopeKind.Group)
        {
            return CheckGroup(user, scope.PrimaryId);
        }

        return scope.Ids.Select(id => CheckRun(user, id)).FirstOrDefault(result => result is not null);
    }

    /// <summary>Whether <paramref name="user"/> may change <paramref name="run"/>; for hiding controls on pages.</summary>
    public static bool MayChange(ClaimsPrincipal user, Core.Runs.RunRecord run) => DashboardRoles.MayChange(user, run.Owner);
}
