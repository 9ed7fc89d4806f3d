using Dashboard.Core.Configuration;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

/// <summary>
/// The HTTP API for study groups: launch one configuration once per value of a choice field or once per
/// trial of a sweep, get a group with its members' states, list groups, and cancel a group's runs.
/// </summary>
public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/groups");
        group.MapPost("/", LaunchAsync);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/cancel", CancelAsync);
        return endpoints;
    }

    private static async Task<IResult> LaunchAsync(HttpRequest request, RunLauncher launcher, IRunStore runs)
    {
        var body = await LaunchBody.ReadAsync(request, RunsApi.MaxLaunchBodyBytes, group: true);
        if (body.FieldErrors.Count > 0)
        {
            return ApiProblems.Validation(body.FieldErrors, "The sweep definition is invalid.");
        }

        if (body.Error is { } bodyError)
        {
            return body.TooLarge
                ? Results.Problem(bodyError, statusCode: StatusCodes.Status413PayloadTooLarge)
                : ApiProblems.Validation([new FieldError("body", bodyError)], "The group launch request is invalid.");
        }

        var result = await launcher.LaunchGroupAsync(body.GroupRequest! with { Owner = DashboardRoles.OwnerName(request.HttpContext.User) });
        if (result.Rejection is { } rejection)
        {
            return Results.Problem(rejection, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Run queue full");
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors, "The group launch request is invalid.");
        }

        return Results.Created($"/api/v1/groups/{result.Group!.Id}", GroupDto.From(result.Group, runs.Find));
    }

    private static async Task<IResult> CancelAsync(string id, GroupCancellation cancellation) =>
        await cancellation.CancelAsync(id) is { } result
            ? Results.Ok(result)
            : Results.Problem($"No group has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Group not found");

    private static IResult Get(string id, IRunGroupStore groups, IRunStore runs) =>
        groups.Find(id) is { } group
            ? Results.Ok(GroupDto.From(group, runs.Find))
            : Results.Problem($"No group has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Group not found");

    private static IResult List(IRunGroupStore groups, IRunStore runs, int skip = 0, int take = 50)
    {
        if (skip < 0 || take is < 1 or > 500)
        {
            return ApiProblems.Validation([new FieldError(skip < 0 ? "skip" : "take", "skip must be 0 or more and take between 1 and 500.")], "The request is invalid.");
        }

        return Results.Ok(groups.List(skip, take).Select(group => GroupDto.From(group, runs.Find)).ToList());
    }
}
